"""A CLI refresh is recorded in the Dagster instance under <home>/dagster: the UI shows the
same assets materialised, with the metadata the Dagster assets give them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import dagster as dg
import pytest
from pipelines_fixtures import (
    CRAWL_DAY,
    TAXONOMY,
    extraction,
    land_every_source,
)
from rich.console import Console

from pipelines.assets.warehouse import build_warehouse_asset
from pipelines.cli_runs import CrawlRecord, instance_at
from pipelines.keys import EXTRACTED_POSTINGS, landing_key, table_key, view_key
from promptjobs.refresh import record_in_dagster
from promptjobs.settings import load_settings
from scrapers.sources import dedupe_priorities
from warehouse.refresh import per_record, run_refresh


def fake_extract(records: Iterable[dict]) -> Iterator[dict]:
    for record in records:
        yield extraction(record["id"])


def test_a_cli_refresh_shows_in_the_dagster_instance_of_its_home(project_home: Path) -> None:
    settings = load_settings()
    ids = land_every_source(settings.landing_dir)
    summary = run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        per_record(fake_extract),
        "fixture-1",
        TAXONOMY,
        source_priority=dedupe_priorities(),
    )
    crawls = [
        CrawlRecord(CRAWL_DAY, {"source": "greenhouse", "status": "ok", "items": 1}),
        CrawlRecord(CRAWL_DAY, {"source": "lever", "status": "failed", "items": 0}),
    ]
    console = Console(file=open(project_home / "out.txt", "w"), width=200)  # noqa: SIM115
    recorded = record_in_dagster(settings, crawls, summary, None, console)
    console.file.close()
    assert "materialization(s) recorded in" in (project_home / "out.txt").read_text()

    refreshed = build_warehouse_asset().keys
    assert recorded == len(refreshed) + 1  # the tables and views, one landing partition
    with instance_at(settings.dagster_home) as instance:
        assert (settings.dagster_home / "dagster.yaml").is_file()
        latest = {key: instance.get_latest_materialization_event(key) for key in refreshed}
        assert [key for key, event in latest.items() if event is None] == []

        def meta(key: dg.AssetKey) -> dict:
            event = latest[key]
            assert event is not None
            metadata = event.asset_materialization.metadata
            return {k: getattr(v, "value", v) for k, v in metadata.items()}

        assert meta(table_key("postings"))["dagster/row_count"] == len(ids)
        assert meta(table_key("postings"))["new_postings"] == len(ids)
        assert meta(EXTRACTED_POSTINGS)["extractor_version"] == "fixture-1"
        assert meta(EXTRACTED_POSTINGS)["salary_coverage"] == 1.0
        assert meta(table_key("skills"))["dagster/row_count"] == len(TAXONOMY)
        assert meta(view_key("posting_facts"))["dagster/row_count"] == len(ids)

        greenhouse = instance.get_latest_materialization_event(landing_key("greenhouse"))
        assert greenhouse is not None
        assert greenhouse.asset_materialization.partition == CRAWL_DAY.isoformat()
        # A failed crawl materialised nothing.
        assert instance.get_latest_materialization_event(landing_key("lever")) is None


def test_the_skills_code_version_is_recorded_so_the_ui_does_not_call_it_changed(
    project_home: Path,
) -> None:
    settings = load_settings()
    land_every_source(settings.landing_dir)
    summary = run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        per_record(fake_extract),
        "f-1",
        TAXONOMY,
        source_priority=dedupe_priorities(),
    )
    record_in_dagster(settings, [], summary, None, Console(quiet=True))
    spec = next(s for s in build_warehouse_asset().specs if s.key == table_key("skills"))
    assert spec.code_version
    with instance_at(settings.dagster_home) as instance:
        event = instance.get_latest_materialization_event(table_key("skills"))
        assert event is not None
        assert event.asset_materialization.tags["dagster/code_version"] == spec.code_version


def test_a_failure_to_record_is_a_warning_and_the_refresh_stands(
    project_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings()
    land_every_source(settings.landing_dir)
    summary = run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        per_record(fake_extract),
        "f-1",
        TAXONOMY,
        source_priority=dedupe_priorities(),
    )
    settings.dagster_home.write_text("not a folder")  # the instance cannot be created
    console = Console(stderr=True, width=300)
    assert record_in_dagster(settings, [], summary, None, console) == 0
    assert "warning: the refresh is saved" in capsys.readouterr().err
    with settings.open_warehouse().reader() as con:
        assert con.sql("select count(*) from postings").fetchone()[0] > 0


def test_ui_explains_how_to_switch_the_daily_schedule_on(project_home: Path) -> None:
    from promptjobs.cli import schedule_hint

    settings = load_settings()
    hint = schedule_hint(settings, settings.dagster_home, 3000)
    assert "daily_refresh" in hint and "switched off" in hint
    assert "dagster schedule start daily_refresh -m pipelines.definitions" in hint
    assert settings.schedule_cron in hint


def test_demo_day_partitions_are_valid_landing_partitions() -> None:
    from pipelines.partitions import landing_days

    assert landing_days.has_partition_key(date(2026, 9, 7).isoformat())
