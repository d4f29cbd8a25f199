"""`archive_backfill`: one monthly partition, materialized in process against our loopback
archive, lands that month's archive postings."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.assets.archive import archive_backfill, archive_months
from pipelines.definitions import defs
from pipelines.keys import ARCHIVE_BACKFILL
from pipelines.resources import PromptjobsConfig
from scrapers.sources.archive.replay import ArchiveReplay
from scrapers.sources.archive.tests.scenario import EXPECTED, captures

pytestmark = pytest.mark.slow


def test_the_asset_is_registered_with_monthly_partitions() -> None:
    assert defs.resolve_assets_def(ARCHIVE_BACKFILL).partitions_def == archive_months
    assert "2024-02-01" in archive_months.get_partition_keys()


def test_one_partition_lands_that_month_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.chdir(tmp_path)
    with ArchiveReplay(captures()) as server:
        monkeypatch.setenv("PROMPTJOBS_ARCHIVE_BASE", server.url)
        result = dg.materialize(
            [archive_backfill],
            partition_key="2024-02-01",
            resources={"promptjobs_config": PromptjobsConfig(home=str(home))},
        )
    assert result.success
    (mat,) = result.asset_materializations_for_node("landing__archive_backfill")
    feb = sum(len(v) for (_a, month), v in EXPECTED.items() if month == "2024-02")
    assert mat.metadata["dagster/row_count"].value == feb
    days = sorted(p.name for p in (home / "landing" / "source=archive").iterdir())
    assert days and all(d.startswith("date=2024-02-") for d in days)
