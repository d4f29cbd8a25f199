"""`promptjobs maintain` (warehouse.maintenance.maintain) on every target: the data stay
the same while files are merged, old snapshots expire and unused files go; the grace keeps
files a reader or an uncommitted writer may still need."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from promptjobs.settings import Settings
from warehouse.maintenance import maintain


def test_maintain_keeps_the_data_and_removes_what_no_snapshot_needs(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    jobs = [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in range(6)]
    warehouse = settings.open_warehouse()
    landing.write("greenhouse", "2026-10-01", jobs[:4])
    kit.refresh(settings)
    if warehouse.lake is not None:
        # Last week's run: DuckLake keeps small inserts inlined in the catalog; they
        # become one Parquet file per table.
        assert maintain(warehouse).rows_flushed > 0
    landing.write("greenhouse", "2026-10-08", jobs[2:])  # two closed, two new
    kit.refresh(settings)
    before = kit.snapshot(warehouse)

    if warehouse.lake is None:
        done = maintain(warehouse)
        assert done.kind == "file" and 0 < done.bytes_after <= done.bytes_before
        assert done.bytes_after == warehouse.path.stat().st_size
        assert kit.snapshot(warehouse) == before
        assert "compacted the warehouse file" in done.lines()[0]
        return

    data = settings.lake_data_target
    orphan = Path(data) / "main" / "postings" / "left-by-a-killed-writer.parquet"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"PAR1" * 256)
    # Default grace (1 h): files are merged and snapshots expire, but the files this run
    # made unused wait for the next run, and a fresh orphan is kept.
    first = maintain(warehouse, retention_days=0)
    assert first.rows_flushed > 0  # this week's rows, then merged with last week's files
    assert first.files_merged > first.files_merged_into > 0
    assert first.snapshots_expired > 0 and first.snapshots_left >= 1
    assert first.orphans_removed == 0
    assert orphan.exists()
    assert kit.snapshot(warehouse) == before

    on_disk = sum(1 for _ in Path(data).rglob("*.parquet"))
    second = maintain(warehouse, retention_days=0, grace=timedelta(0))
    assert second.old_files_removed >= first.files_merged
    assert second.orphans_removed == 1 and not orphan.exists()
    assert second.bytes_removed and second.bytes_removed > 1024
    left = sum(1 for _ in Path(data).rglob("*.parquet"))
    assert left == on_disk - second.old_files_removed - 1
    assert left >= second.data_files_after  # plus what this run merged away (next week's)
    assert kit.snapshot(warehouse) == before
    # The lake still takes a refresh after maintenance.
    landing.write("greenhouse", "2026-10-15", jobs[3:])
    assert kit.refresh(settings).landing_files == 1
