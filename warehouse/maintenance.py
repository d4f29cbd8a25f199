"""`promptjobs maintain`: keep a warehouse small and fast; one call per target kind.

DuckLake (SQLite or Postgres catalog), steps 4 and 5 first, then 0-3, each call its own commit under the
writer lock (warehouse.store.Warehouse.lake_maintainer):

0. `ducklake_flush_inlined_data`: small inserts are kept inlined in the catalog
   database; write them to Parquet (what DuckLake's own CHECKPOINT does first).
1. `ducklake_merge_adjacent_files`: every refresh writes new small Parquet files; merge
   them (snapshots keep pointing into the merged files, so time travel is unchanged).
2. `ducklake_rewrite_data_files`: rewrite files most of whose rows were deleted (the
   lifecycle and dedupe update rows, which DuckLake writes as delete files + new rows).
3. `ducklake_expire_snapshots(older_than => now - retention)`: drop the snapshots older
   than the retention (`lake_snapshot_retention_days`); `--at` can no longer read them.
   The newest snapshot is always kept.
4. `ducklake_cleanup_old_files(older_than => now - grace)`: delete the files that steps
   1-3 of EARLIER runs (and refreshes) scheduled for deletion, once scheduled longer ago
   than the grace; this run's merged-away files wait for the next run.
5. `ducklake_delete_orphaned_files(older_than => now - grace)`: delete files under the data
   path that no snapshot knows (left by a killed or conflicting writer), once older than
   the grace, so an uncommitted writer on another machine keeps its files.

A file warehouse is rewritten into a fresh file (`COPY FROM DATABASE`) and swapped in:
DuckDB never gives a file's free blocks back, a compacting copy does (Warehouse.compact).
It also merges the part-filled row groups and drops the deleted rows that refreshes leave:
a refresh's checkpoint does not vacuum (warehouse.store), so its cost stays with what it
changed.
MotherDuck manages its own storage: nothing to do.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb

from warehouse import lake as lakes
from warehouse.sqlfiles import sql_text
from warehouse.store import Warehouse, WarehouseConflict, is_conflict

DEFAULT_RETENTION_DAYS = 30
# How long a file scheduled for deletion, or an orphaned file, is left alone: longer than
# any reader (`promptjobs sql` stops after 300 s by default) or uncommitted writer runs.
DEFAULT_GRACE = timedelta(hours=1)


@dataclass
class MaintenanceSummary:
    """What one maintenance run did (counts are of data and delete files)."""

    kind: str
    seconds: float = 0.0
    data_files_before: int = 0
    data_files_after: int = 0
    bytes_before: int = 0
    bytes_after: int = 0
    rows_flushed: int = 0
    files_merged: int = 0
    files_merged_into: int = 0
    files_rewritten: int = 0
    snapshots_expired: int = 0
    snapshots_left: int = 0
    old_files_removed: int = 0
    orphans_removed: int = 0
    bytes_removed: int | None = 0  # None: the data path is object storage (not measured)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report `promptjobs maintain` prints."""
        if self.kind == "motherduck":
            return self.notes
        if self.kind == "file":
            return [
                f"compacted the warehouse file: {_size(self.bytes_before)} -> "
                f"{_size(self.bytes_after)} ({self.seconds:.1f} s)",
                *self.notes,
            ]
        removed = "?" if self.bytes_removed is None else _size(self.bytes_removed)
        return [
            f"data files: {self.data_files_before} -> {self.data_files_after} in the newest "
            f"snapshot ({_size(self.bytes_before)} -> {_size(self.bytes_after)})",
            f"flushed {self.rows_flushed} inlined row(s) to Parquet; "
            f"merged {self.files_merged} file(s) into {self.files_merged_into}, rewrote "
            f"{self.files_rewritten} with deletes",
            f"snapshots: {self.snapshots_expired} expired, {self.snapshots_left} kept",
            f"files removed: {self.old_files_removed} no longer used, {self.orphans_removed} "
            f"orphaned ({removed})",
            *self.notes,
            f"done in {self.seconds:.1f} s",
        ]


def maintain(
    warehouse: Warehouse,
    retention_days: int = DEFAULT_RETENTION_DAYS,
    grace: timedelta = DEFAULT_GRACE,
) -> MaintenanceSummary:
    """Maintain `warehouse` (see the module doc); what it did."""
    started = time.perf_counter()
    if warehouse.is_motherduck:
        summary = MaintenanceSummary(kind="motherduck")
        summary.notes.append(
            f"nothing to do: MotherDuck compacts and garbage-collects {warehouse.target} itself"
        )
    elif warehouse.lake is None:
        summary = MaintenanceSummary(kind="file")
        summary.bytes_before, summary.bytes_after = warehouse.compact()
    else:
        summary = _maintain_lake(warehouse, retention_days, grace)
    summary.seconds = time.perf_counter() - started
    return summary


def _maintain_lake(
    warehouse: Warehouse, retention_days: int, grace: timedelta
) -> MaintenanceSummary:
    lake = warehouse.lake
    assert lake is not None
    summary = MaintenanceSummary(kind=warehouse.kind)
    now = datetime.now(UTC)
    expire_before = now - timedelta(days=retention_days)
    delete_before = now - grace
    with warehouse.lake_maintainer() as con:
        summary.data_files_before, summary.bytes_before = _live_files(con)
        # Deletions first: what this run's merge and expiry make unused is deleted by the
        # next run (a week later), so readers that started before this run keep their files
        # whatever `older_than` does (on duckdb 1.5.5 with a SQLite catalog,
        # ducklake_cleanup_old_files(older_than => now - 1 h) also deleted files scheduled
        # seconds earlier: measured).
        old = _delete(con, lake, "maintain_cleanup_old_files", delete_before)
        orphans = _delete(con, lake, "maintain_delete_orphaned_files", delete_before)
        for _schema, _table, rows in _rows(con, "maintain_flush_inlined_data"):
            summary.rows_flushed += rows
        for _schema, _table, processed, created in _rows(con, "maintain_merge_adjacent_files"):
            summary.files_merged += processed
            summary.files_merged_into += created
        for _schema, _table, processed, _created in _rows(con, "maintain_rewrite_data_files"):
            summary.files_rewritten += processed
        summary.snapshots_expired = len(_rows(con, "maintain_expire_snapshots", expire_before))
        summary.snapshots_left = _rows(con, "maintain_snapshot_count")[0][0]
        summary.old_files_removed, summary.orphans_removed = len(old[0]), len(orphans[0])
        summary.bytes_removed = (
            None if old[1] is None or orphans[1] is None else old[1] + orphans[1]
        )
        summary.data_files_after, summary.bytes_after = _live_files(con)
    return summary


def _rows(con: duckdb.DuckDBPyConnection, name: str, *params: object) -> list[tuple]:
    try:
        return con.sql(sql_text(name), params=[lakes.ALIAS, *params]).fetchall()
    except duckdb.TransactionException as exc:
        if not is_conflict(exc):
            raise
        step = name.removeprefix("maintain_")
        raise WarehouseConflict(
            f"{step} conflicted with another writer's commit (the steps before it are "
            "saved): run `promptjobs maintain` again"
        ) from None


def _live_files(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(files, bytes) the newest snapshot reads: data files and delete files."""
    files, size = _rows(con, "maintain_live_files")[0]
    return int(files or 0), int(size or 0)


def _delete(
    con: duckdb.DuckDBPyConnection, lake: lakes.LakeTarget, name: str, before: datetime
) -> tuple[list[str], int | None]:
    """Run a file-deleting call: a dry run first to measure what goes (local data path),
    then the call itself with the same cut-off; (paths deleted, bytes freed or None)."""
    planned: int | None = None
    if lake.is_local_data:
        paths = [row[0] for row in _rows(con, name, True, before)]
        planned = sum(_file_size(path) for path in paths)
    deleted = [row[0] for row in _rows(con, name, False, before)]
    return deleted, planned


def _file_size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"  # pragma: no cover
