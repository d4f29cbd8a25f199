"""The Dagster refresh runs board discovery, as the CLI does: `materialize()` of the demo
boards' crawls and `refresh_warehouse` leaves the boards that only discovery can find in
`boards` (checked against the demo boards, valid), the demo's boards as its registry, and
the next day's crawl covers the boards found the day before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import build_assets
from pipelines.keys import landing_key, table_key
from pipelines.resources import build_resources
from promptjobs.settings import load_settings

pytestmark = pytest.mark.slow

# HN comments link the first four boards; the postings of two of them link the last two.
SOURCES = ("hn", "ashby", "bamboohr", "recruitee", "workday", "breezy", "personio")


def frame(home: Path) -> tuple[list[tuple], set[tuple[str, str]]]:
    """(discovered boards as (ats, board, status, first_seen), registry boards)."""
    with load_settings({"home": home}).open_warehouse().reader() as con:
        found = con.sql(
            "select ats, board, status, first_seen::varchar from boards "
            "where not in_registry order by first_seen, ats"
        ).fetchall()
        registry = con.sql(
            "select ats, board from boards where in_registry and status = 'registry'"
        ).fetchall()
        crawled = con.sql(
            "select distinct s.source, s.board, s.crawl_date::varchar from posting_sightings s "
            "join boards b on b.ats = s.source and b.board_key = lower(s.board) "
            "where not b.in_registry order by all"
        ).fetchall()
    return found, set(registry), crawled


def test_the_dagster_refresh_discovers_boards_as_the_cli_does(
    project_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("transforms.parallel")
    from scrapers.demo.server import DemoServer
    from scrapers.registry import ATS_SOURCES

    monkeypatch.setenv("PROMPTJOBS_ENV", "demo")
    monkeypatch.setenv("PROMPTJOBS_WORKERS", "1")
    with DemoServer() as demo:
        first, second = demo.snapshot_dates[:2]
        lists = demo.boards(first)
    selection = dg.AssetSelection.assets(*[landing_key(s) for s in SOURCES]) | (
        dg.AssetSelection.groups("warehouse", "transforms")
    )
    demo_registry = {(s, b) for s, boards in lists.items() if s in ATS_SOURCES for b in boards}

    with dg.instance_for_test() as instance:
        for day in (first, second):
            result = dg.materialize(
                build_assets(),
                partition_key=day.isoformat(),
                selection=selection,
                resources=build_resources(),
                instance=instance,
            )
            assert result.success
            materialized = {e.asset_key for e in result.get_asset_materialization_events()}
            assert table_key("boards") in materialized
            if day == first:
                found, registry, crawled = frame(project_home)
                # What `promptjobs demo` finds on its first day (tests/test_demo.py).
                assert found == [
                    ("ashby", "quillon", "valid", "2026-09-07"),
                    ("bamboohr", "woodland", "valid", "2026-09-07"),
                    ("recruitee", "parfait", "valid", "2026-09-07"),
                    ("workday", "orbitbank.wd5.Orbit_Careers", "valid", "2026-09-07"),
                ]
                assert crawled == []  # found today, crawled from the next day on
        event = instance.get_latest_materialization_event(table_key("boards"))
        assert event is not None
        assert (
            event.asset_materialization.metadata["dagster/row_count"].value
            == len(demo_registry) + 6
        )

    found, registry, crawled = frame(project_home)
    # The demo's registry, nothing of the packaged one; two more boards found on day two.
    assert registry == demo_registry
    assert [(ats, first_seen) for ats, _b, _s, first_seen in found] == [
        ("ashby", "2026-09-07"),
        ("bamboohr", "2026-09-07"),
        ("recruitee", "2026-09-07"),
        ("workday", "2026-09-07"),
        ("breezy", "2026-09-21"),
        ("personio", "2026-09-21"),
    ]
    assert {status for _a, _b, status, _f in found} == {"valid"}
    # The second day's crawl covered the four boards found on the first.
    assert {(source, day) for source, _b, day in crawled} == {
        (ats, second.isoformat()) for ats in ("ashby", "bamboohr", "recruitee", "workday")
    }
    assert date.fromisoformat(crawled[0][2]) == second
