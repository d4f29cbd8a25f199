"""`materialize()` of the whole graph on the demo boards, into a temporary home."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from pipelines.automation import ARCHIVE
from pipelines.checks import build_checks
from pipelines.definitions import build_assets, defs
from pipelines.keys import (
    ARCHIVE_BACKFILL,
    EXTRACTED_POSTINGS,
    REPORT,
    landing_key,
    table_key,
)
from pipelines.partitions import CONTRACT_SOURCES
from pipelines.resources import build_resources

pytestmark = pytest.mark.slow


def latest_metadata(instance: dg.DagsterInstance, key: dg.AssetKey) -> dict:
    event = instance.get_latest_materialization_event(key)
    assert event is not None, f"{key.to_user_string()} was not materialised"
    return {k: getattr(v, "value", v) for k, v in event.asset_materialization.metadata.items()}


def count_file_copies(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every copy the warehouse writer makes of the database file (its transaction)."""
    import shutil

    import warehouse.store

    copies: list[str] = []
    real_copy = shutil.copyfile

    def counted(src, dst, *args, **kwargs):  # noqa: ANN001, ANN202 - shutil's signature
        if ".duckdb.tmp-" in str(dst):  # the writer's working copy (not the report's files)
            copies.append(str(src))
        return real_copy(src, dst, *args, **kwargs)

    monkeypatch.setattr(warehouse.store.shutil, "copyfile", counted)
    return copies


def demo_days() -> list[date]:
    from scrapers.demo.server import DemoServer

    return list(DemoServer().snapshot_dates)


def test_whole_graph_on_the_demo_boards(
    project_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("transforms.parallel")
    monkeypatch.setenv("PROMPTJOBS_ENV", "demo")
    monkeypatch.setenv("PROMPTJOBS_WORKERS", "1")
    first, second = demo_days()[:2]
    everything = [*build_assets(), *build_checks()]
    copies = count_file_copies(monkeypatch)

    with dg.instance_for_test() as instance:
        result = dg.materialize(
            everything,
            partition_key=first.isoformat(),
            # The monthly archive backfill runs on its own (its own partitions), as in
            # refresh_all_job; tests/pipelines/test_archive_asset.py materializes it.
            selection=dg.AssetSelection.all() - ARCHIVE,
            resources=build_resources(),
            instance=instance,
        )
        assert result.success
        assert copies == [], "a new warehouse is written in place of nothing"
        executable = {
            key
            for key in defs.resolve_asset_graph().get_all_asset_keys()
            if defs.resolve_asset_graph().get(key).is_executable
        } - {ARCHIVE_BACKFILL}
        materialized = {e.asset_key for e in result.get_asset_materialization_events()}
        assert materialized == executable

        evaluations = result.get_asset_check_evaluations()
        assert len(evaluations) == len(defs.resolve_asset_graph().asset_check_keys)
        assert [e.check_name for e in evaluations if not e.passed] == []

        from scrapers.demo.market import boards_of

        for source in CONTRACT_SOURCES:
            crawl = latest_metadata(instance, landing_key(source))
            assert crawl["status"] == "ok", source
            # A source whose boards only board discovery finds has no demo board to crawl
            # on the first day (tests/pipelines/test_refresh_discovery.py: the next day's
            # crawl covers them); every other source lands postings.
            if boards_of(source):
                assert crawl["items"] > 0, source
            else:
                assert crawl["items"] == 0, source
        postings = latest_metadata(instance, table_key("postings"))
        assert postings["dagster/row_count"] == postings["new_postings"] > 50
        extracted = latest_metadata(instance, EXTRACTED_POSTINGS)
        assert extracted["dagster/row_count"] == postings["dagster/row_count"]
        assert 0 < extracted["salary_coverage"] <= 1
        assert "| role |" in extracted["preview"]
        report = latest_metadata(instance, REPORT)
        index = Path(report["report_path"])
        assert index.is_file() and index.stat().st_size > 0
        assert index.is_relative_to(project_home / "reports" / first.isoformat())
        assert (project_home / "reports" / "latest" / "index.html").is_file()
        assert report["preview"].strip()

        # Two weeks later only greenhouse is crawled again: its vanished jobs close, the
        # other sources' jobs stay open (their boards were not crawled completely).
        second_run = dg.materialize(
            everything,
            partition_key=second.isoformat(),
            selection=dg.AssetSelection.all() - dg.AssetSelection.groups("scrapers")
            | dg.AssetSelection.assets(landing_key("greenhouse")),
            resources=build_resources(),
            instance=instance,
        )
        assert second_run.success
        # One writer for the whole run: the database file is copied once, not per asset.
        assert copies == [str(project_home / "warehouse.duckdb")]
        lifecycle = latest_metadata(instance, table_key("posting_lifecycle"))
        assert (
            lifecycle["open_postings"] + lifecycle["closed_postings"]
            == lifecycle["dagster/row_count"]
        )
        assert lifecycle["newly_closed"] > 0
        assert "| greenhouse |" in lifecycle["preview"]
        assert latest_metadata(instance, REPORT)["report_date"] == second.isoformat()


def test_the_graph_materializes_into_a_ducklake(
    project_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same assets on a DuckLake target (SQLite catalog): no file, no copy."""
    pytest.importorskip("transforms.parallel")
    monkeypatch.setenv("PROMPTJOBS_ENV", "demo")
    monkeypatch.setenv("PROMPTJOBS_WORKERS", "1")
    monkeypatch.setenv("PROMPTJOBS_WAREHOUSE", f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}")
    monkeypatch.setenv("PROMPTJOBS_LAKE_DATA_PATH", str(tmp_path / "lake-data"))
    copies = count_file_copies(monkeypatch)
    with dg.instance_for_test() as instance:
        result = dg.materialize(
            [*build_assets(), *build_checks()],
            partition_key=demo_days()[0].isoformat(),
            selection=dg.AssetSelection.all() - ARCHIVE,
            resources=build_resources(),
            instance=instance,
        )
        assert result.success
        assert copies == []
        assert [e.check_name for e in result.get_asset_check_evaluations() if not e.passed] == []
        postings = latest_metadata(instance, table_key("postings"))
        assert postings["dagster/row_count"] == postings["new_postings"] > 50
        assert (project_home / "reports" / "latest" / "index.html").is_file()
    assert not (project_home / "warehouse.duckdb").exists()
    assert list((tmp_path / "lake-data").rglob("*.parquet"))
