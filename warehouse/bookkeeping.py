"""Run bookkeeping: the `crawl_runs` rows (from the landed stats files), the
`landing_files` rows (what each ingest loaded) and the `extraction_runs` rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import polars as pl

from warehouse.arrow_handover import ARROW_COMPAT
from warehouse.sqlfiles import sql_text


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def crawl_run_row(
    stats: dict[str, Any], rel: str, source: str, crawl_date: str, run_id: str
) -> dict[str, Any]:
    duration = stats.get("duration_s")
    return {
        "run_id": str(stats.get("run_id") or run_id),
        "source": str(stats.get("source") or source),
        "crawl_date": date.fromisoformat(crawl_date),
        "started_at": stats.get("started_at"),
        "finished_at": stats.get("finished_at"),
        "duration_s": float(duration) if isinstance(duration, (int, float)) else None,
        "status": stats.get("status"),
        "requests": _as_int(stats.get("requests")),
        "responses": _as_int(stats.get("responses")),
        "items": _as_int(stats.get("items")),
        "items_invalid": _as_int(stats.get("items_invalid")),
        "errors": json.dumps(stats.get("errors") or {}, sort_keys=True),
        "boards_ok": _as_list(stats.get("boards_ok")),
        "boards_not_found": _as_list(stats.get("boards_not_found")),
        "boards_failed": _as_list(stats.get("boards_failed")),
        "landing_file": rel,
    }


CRAWL_RUN_SCHEMA: dict[str, pl.DataType] = {
    "run_id": pl.String(),
    "source": pl.String(),
    "crawl_date": pl.Date(),
    "started_at": pl.String(),
    "finished_at": pl.String(),
    "duration_s": pl.Float64(),
    "status": pl.String(),
    "requests": pl.Int64(),
    "responses": pl.Int64(),
    "items": pl.Int64(),
    "items_invalid": pl.Int64(),
    "errors": pl.String(),
    "boards_ok": pl.List(pl.String()),
    "boards_not_found": pl.List(pl.String()),
    "boards_failed": pl.List(pl.String()),
    "landing_file": pl.String(),
}


def current_extraction_run(
    con: duckdb.DuckDBPyConnection, extractor_version: str, part: str = ""
) -> str:
    """The extraction run of this connection for this version, created on first use.

    Its id `<version>#<n>` counts runs of that version, so a clean run and a re-run after
    a crash get the same id. `part` ("1/2": an extraction partition) is appended, so
    partitions committing concurrently, which count the same runs, get distinct ids.
    """
    con.execute(sql_text("extraction_session_create"))
    found = con.execute(sql_text("extraction_session_get"), [extractor_version]).fetchall()
    if found:
        return found[0][0]
    n = con.execute(sql_text("extraction_runs_count"), [extractor_version]).fetchall()[0][0]
    run_id = f"{extractor_version}#{n + 1}" + (f" part {part}" if part else "")
    now = utc_now()
    con.execute(sql_text("extraction_run_create"), [run_id, extractor_version, now, now])
    con.execute(sql_text("extraction_session_set"), [extractor_version, run_id])
    return run_id


LANDING_FILES_SCHEMA: dict[str, pl.DataType] = {
    "landing_file": pl.String(),
    "source": pl.String(),
    "crawl_date": pl.Date(),
    "run_id": pl.String(),
    "rows_read": pl.Int64(),
    "rows_invalid": pl.Int64(),
    "rows_new": pl.Int64(),
    "loaded_at": pl.Datetime("us"),
}


@dataclass
class LoadedFile:
    """One landing file an ingest flush loaded, with its stats file's content."""

    rel: str
    source: str
    crawl_date: str
    run_id: str
    stats: dict[str, Any]
    rows_read: int
    rows_invalid: int
    rows_new: int


def record_landed_files(con: duckdb.DuckDBPyConnection, files: list[LoadedFile]) -> int:
    """A `crawl_runs` row per stats file and a `landing_files` row per file (which marks
    it loaded). Returns the number of crawl runs added."""
    runs = pl.DataFrame(
        [crawl_run_row(f.stats, f.rel, f.source, f.crawl_date, f.run_id) for f in files],
        schema=CRAWL_RUN_SCHEMA,
    )
    con.register("crawl_run_batch", runs.to_arrow(compat_level=ARROW_COMPAT))
    try:
        added = con.execute(sql_text("crawl_runs_insert")).fetchall()[0][0]
    finally:
        con.unregister("crawl_run_batch")
    now = utc_now()
    rows = pl.DataFrame(
        [
            {
                "landing_file": f.rel,
                "source": f.source,
                "crawl_date": date.fromisoformat(f.crawl_date),
                "run_id": f.run_id,
                "rows_read": f.rows_read,
                "rows_invalid": f.rows_invalid,
                "rows_new": f.rows_new,
                "loaded_at": now,
            }
            for f in files
        ],
        schema=LANDING_FILES_SCHEMA,
    )
    con.register("landing_files_batch", rows.to_arrow(compat_level=ARROW_COMPAT))
    try:
        con.execute(sql_text("landing_files_insert"))
    finally:
        con.unregister("landing_files_batch")
    return added


def finish_extraction_run(con: duckdb.DuckDBPyConnection, run_id: str, loaded: int) -> None:
    """Add `loaded` postings to the extraction run and stamp its finish time."""
    con.execute(sql_text("extraction_run_add"), [loaded, utc_now(), run_id])
