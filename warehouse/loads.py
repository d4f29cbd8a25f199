"""Loads: landing files -> raw_postings/crawl_runs; extract input out; extract output in.

Landing files are read with Polars lazily in batches and reach DuckDB as Arrow tables
(no per-row Python). Every function works on the caller's writer connection, so what it
does becomes visible together with the rest of the refresh or not at all.
"""

from __future__ import annotations

import gzip
import json
import os
import queue
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.sqlfiles import sql_text

LANDING_BATCH_ROWS = 50_000
# Hand Polars' own Arrow layout (string views) to DuckDB: zero-copy, where the default
# compatibility conversion copied every string (0.5 s per 50k landed rows).
ARROW_COMPAT = pl.CompatLevel.newest()
# DuckDB scans an Arrow table one record batch per thread: a batch handed over as one
# chunk ran on one core (staging a landing batch took 4.3 us/row; 3.4 in 8k chunks).
ARROW_SCAN_CHUNK_ROWS = 8192


def _scan_ready(table: pa.Table) -> pa.Table:
    """The table cut into record batches DuckDB can scan in parallel (zero-copy)."""
    if table.num_rows <= ARROW_SCAN_CHUNK_ROWS:
        return table
    return pa.Table.from_batches(
        table.to_batches(max_chunksize=ARROW_SCAN_CHUNK_ROWS), schema=table.schema
    )


# docs/architecture.md §1: one PostingItem per line. Timestamps stay strings here and are
# parsed by DuckDB (try_cast), so one odd date never rejects a whole batch. The two
# nested fields are read as their JSON text and typed by DuckDB (landing_stage_create's
# macros): Polars parsed the lines 4-5x slower with them declared as struct and list.
LANDING_SCHEMA: dict[str, pl.DataType] = {
    "source": pl.String(),
    "board": pl.String(),
    "source_id": pl.String(),
    "url": pl.String(),
    "company": pl.String(),
    "title": pl.String(),
    "location_raw": pl.String(),
    "remote_hint": pl.String(),
    "description_html": pl.String(),
    "description_text": pl.String(),
    "posted_at": pl.String(),
    "updated_at": pl.String(),
    "fetched_at": pl.String(),
    "employment_type": pl.String(),
    "compensation": pl.String(),  # JSON text of an object
    "compensation_ranges": pl.String(),  # JSON text of an array of objects
    "attribution_url": pl.String(),
}
_NESTED_FIELDS = {"compensation", "compensation_ranges"}
LANDING_FILE_RE = re.compile(
    r"source=(?P<source>[^/]+)/date=(?P<date>\d{4}-\d{2}-\d{2})/(?P<run_id>[^/]+)\.jsonl\.gz$"
)


@dataclass
class IngestResult:
    """What one `ingest_landing` call did."""

    landing_files: int = 0
    rows_read: int = 0
    rows_invalid: int = 0
    raw_rows_new: int = 0
    sightings: int = 0
    crawl_runs: int = 0
    skipped_files: list[str] = field(default_factory=list)  # unreadable, with the reason

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- landing -> raw_postings ---------------------------------------------------------
def complete_landing_files(landing_dir: Path) -> list[tuple[str, Path, Path]]:
    """(relative name, data file, stats file) of every complete landing file, oldest first.

    A landing file is complete only once its stats file exists (it is written last).
    """
    found = []
    if not landing_dir.is_dir():
        return found
    for data in landing_dir.glob("source=*/date=*/*.jsonl.gz"):
        stats = data.with_name(data.name[: -len(".jsonl.gz")] + ".stats.json")
        if not stats.is_file():
            continue
        rel = data.relative_to(landing_dir).as_posix()
        if LANDING_FILE_RE.search(rel):
            found.append((rel, data, stats))
    # Crawl date, then run id (a UTC timestamp): the order the crawls happened.
    found.sort(key=lambda item: (item[0].split("/")[1], item[1].name))
    return found


def _landing_batches(path: Path) -> Iterator[pl.DataFrame]:
    """The file as Polars batches; strict and fast, the caller falls back when it fails."""
    lazy = pl.scan_ndjson(path, schema=LANDING_SCHEMA)
    yield from lazy.collect_batches(chunk_size=LANDING_BATCH_ROWS)


def _tolerant_batches(path: Path) -> Iterator[tuple[pl.DataFrame, int]]:
    """Line-by-line fallback for a file with malformed lines: keep every good line.

    Yields (batch, number of unparseable lines in it).
    """
    rows: list[dict[str, Any]] = []
    bad = 0
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if not isinstance(obj, dict):
                bad += 1
                continue
            rows.append({name: _coerce(name, obj.get(name)) for name in LANDING_SCHEMA})
            if len(rows) >= LANDING_BATCH_ROWS:
                yield pl.DataFrame(rows, schema=LANDING_SCHEMA, strict=False), bad
                rows, bad = [], 0
    if rows or bad:
        yield pl.DataFrame(rows, schema=LANDING_SCHEMA, strict=False), bad


def _coerce(name: str, value: Any) -> Any:
    """Shape one field for the fallback path as the fast path reads it: nested fields as
    JSON text (typed later, in SQL), other values of the wrong kind null."""
    if name in _NESTED_FIELDS:
        return None if value is None else json.dumps(value)
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _read_stats(path: Path) -> dict[str, Any] | None:
    try:
        stats = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return stats if isinstance(stats, dict) else None


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _crawl_run_row(
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


# Landed rows staged before they are merged into the tables (one anti-join per flush):
# by count, and by size, since the staged files' rows are held in memory until then.
STAGE_FLUSH_ROWS = 300_000
STAGE_FLUSH_BYTES = 256 * 1024 * 1024


@dataclass
class _StagedFile:
    rel: str
    source: str
    crawl_date: str
    run_id: str
    lines: int
    bad_lines: int
    stats: dict[str, Any]
    frames: list[pl.DataFrame]  # its numbered rows; the new versions go to raw_postings


def ingest_landing(con: duckdb.DuckDBPyConnection, landing_dir: Path) -> IngestResult:
    """Load every complete landing file not loaded yet, each exactly once.

    New content versions go to `raw_postings` (keyed by source, source_id, content_hash);
    every record becomes a `posting_sightings` row for the lifecycle; `posting_latest`
    is rebuilt from the sightings at the end; each stats file becomes a `crawl_runs` row. Files are staged a few
    hundred thousand rows at a time and merged set-wise (one anti-join per flush, not per
    file). A file that cannot be read is reported and skipped (not marked loaded), so
    fixing it and re-running loads it.
    """
    result = IngestResult()
    loaded = {row[0] for row in con.sql(sql_text("landing_files_loaded")).fetchall()}
    todo: list[tuple[str, Path, dict[str, Any]]] = []
    for rel, data_path, stats_path in complete_landing_files(landing_dir):
        if rel in loaded:
            continue
        stats = _read_stats(stats_path)
        if stats is None:
            result.skipped_files.append(f"{rel}: unreadable stats file")
            continue
        todo.append((rel, data_path, stats))
    # The staging SQL is bound when it is created, so a batch (empty) must exist then.
    con.register("landing_batch", _empty_landing_batch().to_arrow(compat_level=ARROW_COMPAT))
    try:
        con.execute(sql_text("landing_stage_create"))
    finally:
        con.unregister("landing_batch")
    staged: list[_StagedFile] = []
    staged_rows = staged_bytes = 0
    line_numbers = _LineNumbers()
    with _ReadAhead([data_path for _, data_path, _ in todo]) as parsed:
        for index, (rel, data_path, stats) in enumerate(todo):
            match = LANDING_FILE_RE.search(rel)
            assert match is not None  # complete_landing_files only returns matching names
            source, crawl_date, run_id = match["source"], match["date"], match["run_id"]
            params = [rel, source, crawl_date, run_id]
            try:
                frames, bad = _stage_file(
                    con, parsed.batches(index), data_path, params, line_numbers
                )
            except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
                con.execute(sql_text("landing_stage_forget"), [rel])
                result.skipped_files.append(f"{rel}: {exc}")
                continue
            lines = sum(frame.height for frame in frames)
            staged.append(_StagedFile(rel, source, crawl_date, run_id, lines, bad, stats, frames))
            staged_rows += lines
            staged_bytes += sum(frame.estimated_size() for frame in frames)
            if staged_rows >= STAGE_FLUSH_ROWS or staged_bytes >= STAGE_FLUSH_BYTES:
                _flush_stage(con, staged, result)
                staged, staged_rows, staged_bytes = [], 0, 0
    _flush_stage(con, staged, result)
    con.execute(sql_text("landing_stage_drop"))
    if result.sightings:
        con.execute(sql_text("posting_latest_rebuild"))
    return result


class _ReadAhead:
    """Parses the landing files with Polars in a background thread, a batch or two ahead
    of the caller, so parsing (Polars) and staging (DuckDB) overlap; both release the
    GIL. The caller takes each file's batches in file order."""

    _DONE = object()

    def __init__(self, paths: list[Path]) -> None:
        self._prefetch = _Prefetch(self._parse(paths), depth=2)
        self._items: Iterator[tuple[int, Any]] = iter(())

    def __enter__(self) -> _ReadAhead:
        self._items = self._prefetch.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._prefetch.__exit__(*exc_info)

    @classmethod
    def _parse(cls, paths: list[Path]) -> Iterator[tuple[int, Any]]:
        for index, path in enumerate(paths):
            try:
                for batch in _landing_batches(path):
                    yield index, batch
                last: Any = cls._DONE
            except Exception as exc:  # noqa: BLE001 - handed to the caller, which decides
                last = exc
            yield index, last

    def batches(self, index: int) -> Iterator[pl.DataFrame]:
        """The batches of file `index`; raises what parsing it raised, after its batches."""
        for got, item in self._items:
            if got < index:
                continue  # the rest of an earlier file its caller gave up on
            if item is self._DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


class _Prefetch:
    """Runs an iterator in a background thread, up to `depth` items ahead of the caller
    (for work that releases the GIL: DuckDB queries, Arrow and Parquet I/O). Its
    exception reaches the caller in order; leaving early stops the thread."""

    _DONE = object()

    def __init__(self, items: Iterable[Any], depth: int = 1) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(items,), daemon=True)

    def __enter__(self) -> Iterator[Any]:
        self._thread.start()
        return self._items()

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, items: Iterable[Any]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(self._DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, which raises it
            self._put(_Failed(exc))

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _items(self) -> Iterator[Any]:
        while True:
            item = self._queue.get()
            if item is self._DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item


@dataclass
class _Failed:
    error: BaseException


def _flush_stage(
    con: duckdb.DuckDBPyConnection, staged: list[_StagedFile], result: IngestResult
) -> None:
    """Merge the staged files into raw_postings, sightings, posting_latest, crawl_runs."""
    if not staged:
        return
    invalid = dict(con.sql(sql_text("landing_invalid_counts")).fetchall())
    con.execute(sql_text("landing_new_create"))
    new = dict(con.sql(sql_text("landing_new_counts")).fetchall())
    # The new versions' rows are picked here, in Polars: a join in SQL would push a
    # filter into the Arrow scan, which pyarrow cannot apply to string-view columns.
    first_landings = con.sql(sql_text("landing_new_lines")).pl()
    # (A flush of files without rows, such as a crawl that found nothing, still runs the
    # statement, on an empty batch: it also drops landing_new.)
    frames = [frame for f in staged for frame in f.frames] or [_empty_landing_batch()]
    rows = (
        pl.concat(frames, rechunk=False)
        .drop("stored_hash")
        .join(first_landings, on="line_no", how="inner")
    )
    con.register("landing_batch", _scan_ready(rows.to_arrow(compat_level=ARROW_COMPAT)))
    try:
        con.execute(sql_text("landing_insert_raw"))
    finally:
        con.unregister("landing_batch")
    result.sightings += con.execute(sql_text("landing_insert_sightings")).fetchall()[0][0]
    runs = pl.DataFrame(
        [_crawl_run_row(f.stats, f.rel, f.source, f.crawl_date, f.run_id) for f in staged],
        schema=CRAWL_RUN_SCHEMA,
    )
    con.register("crawl_run_batch", runs.to_arrow(compat_level=ARROW_COMPAT))
    try:
        result.crawl_runs += con.execute(sql_text("crawl_runs_insert")).fetchall()[0][0]
    finally:
        con.unregister("crawl_run_batch")
    now = _utc_now()
    files = pl.DataFrame(
        [
            {
                "landing_file": f.rel,
                "source": f.source,
                "crawl_date": date.fromisoformat(f.crawl_date),
                "run_id": f.run_id,
                "rows_read": f.lines + f.bad_lines,
                "rows_invalid": f.bad_lines + invalid.get(f.rel, 0),
                "rows_new": new.get(f.rel, 0),
                "loaded_at": now,
            }
            for f in staged
        ],
        schema={
            "landing_file": pl.String,
            "source": pl.String,
            "crawl_date": pl.Date,
            "run_id": pl.String,
            "rows_read": pl.Int64,
            "rows_invalid": pl.Int64,
            "rows_new": pl.Int64,
            "loaded_at": pl.Datetime("us"),
        },
    )
    con.register("landing_files_batch", files.to_arrow(compat_level=ARROW_COMPAT))
    try:
        con.execute(sql_text("landing_files_insert"))
    finally:
        con.unregister("landing_files_batch")
    con.execute(sql_text("landing_stage_clear"))
    result.landing_files += len(staged)
    result.rows_read += int(files["rows_read"].sum())
    result.rows_invalid += int(files["rows_invalid"].sum())
    result.raw_rows_new += int(files["rows_new"].sum())


class _LineNumbers:
    """Numbers staged rows in landing order (files oldest first, then line order), so
    `min(line_no)` is the first landing of a version and `max` the last sighting."""

    def __init__(self) -> None:
        self.next = 1

    def take(self, n: int) -> int:
        first, self.next = self.next, self.next + n
        return first


def _stage_file(
    con: duckdb.DuckDBPyConnection,
    batches: Iterator[pl.DataFrame],
    path: Path,
    params: list[str],
    lines: _LineNumbers,
) -> tuple[list[pl.DataFrame], int]:
    """Stage one landing file (its parsed `batches`): keys and content hashes go to the
    `landing_stage` temp table; returns its numbered rows and its number of bad lines."""
    frames: list[pl.DataFrame] = []
    try:
        for batch in batches:
            frames.append(_stage_batch(con, batch, params, lines))
        return frames, 0
    except pl.exceptions.PolarsError:
        # A malformed line or a field of the wrong type: redo this file line by line.
        con.execute(sql_text("landing_stage_forget"), [params[0]])
    frames, bad = [], 0
    for batch, bad_lines in _tolerant_batches(path):
        frames.append(_stage_batch(con, batch, params, lines))
        bad += bad_lines
    return frames, bad


def _empty_landing_batch() -> pl.DataFrame:
    return _numbered(pl.DataFrame(schema=LANDING_SCHEMA), ["", "", "", ""], 0)


def _numbered(batch: pl.DataFrame, params: list[str], first_line: int) -> pl.DataFrame:
    """The batch with its line numbers and the columns naming its landing file (the
    staging SQL reads them); `stored_hash` is filled for the rows that become raw rows."""
    landing_file, source, crawl_date, run_id = params
    return batch.with_columns(
        pl.int_range(pl.len(), dtype=pl.Int64).add(first_line).alias("line_no"),
        pl.lit(landing_file, pl.String).alias("landing_file"),
        pl.lit(source, pl.String).alias("partition_source"),
        pl.lit(crawl_date, pl.String).alias("crawl_date"),
        pl.lit(run_id, pl.String).alias("run_id"),
        pl.lit(None, pl.String).alias("stored_hash"),
    )


def _stage_batch(
    con: duckdb.DuckDBPyConnection, batch: pl.DataFrame, params: list[str], lines: _LineNumbers
) -> pl.DataFrame:
    numbered = _numbered(batch, params, lines.take(batch.height))
    con.register("landing_batch", _scan_ready(numbered.to_arrow(compat_level=ARROW_COMPAT)))
    try:
        con.execute(sql_text("landing_stage_insert"))
    finally:
        con.unregister("landing_batch")
    return numbered


# --- raw_postings -> extract input ----------------------------------------------------
def _in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `con` is inside an explicit transaction (a MotherDuck writer is)."""
    first = con.sql(sql_text("in_transaction")).fetchall()
    return first == con.sql(sql_text("in_transaction")).fetchall()


def pending_tables(
    con: duckdb.DuckDBPyConnection, extractor_version: str, batch_size: int = 20_000
) -> Iterator[pa.Table]:
    """The pages of `pending_extraction` as Arrow tables (one row per record): what a
    batch extractor takes, so no Python object is made for a record here.

    Streamed by a query on a second cursor of the same database, so the caller's
    connection stays free for its writes and the pending set is that query's snapshot
    (its MVCC view): nothing loaded meanwhile moves it. Materialising the set and paging
    it cost 4.3 s at a million postings; the stream costs 1.4 s. Inside an explicit
    transaction a cursor would not see the transaction's own rows, so there the set is a
    temp table paged on the caller's connection.
    """
    if _in_transaction(con):
        con.execute(sql_text("pending_input"))
        con.execute(sql_text("pending_create"), [extractor_version])
        try:
            total = con.sql(sql_text("pending_count")).fetchall()[0][0]
            for start in range(0, total, batch_size):
                page = con.execute(sql_text("pending_page"), [start, start + batch_size])
                yield page.to_arrow_table()
        finally:
            con.execute(sql_text("pending_drop"))
        return
    cursor = con.cursor()
    try:
        cursor.execute(sql_text("pending_input"))
        stream = cursor.execute(sql_text("pending_stream"), [extractor_version])
        # The next page is computed in a thread while the caller extracts this one.
        with _Prefetch(
            pa.Table.from_batches([b]) for b in stream.to_arrow_reader(batch_size)
        ) as pages:
            yield from pages
    finally:
        cursor.close()


def pending_extraction(
    con: duckdb.DuckDBPyConnection, extractor_version: str, batch_size: int = 2000
) -> Iterator[list[dict]]:
    """Extract-input records for postings whose latest raw version is not yet extracted
    by `extractor_version` (new, changed, or extracted by another version), in posting_id
    order.

    The pending set is fixed when iteration starts, so loading the extractions of one
    batch does not move the next, and the connection stays free for the caller's writes.
    """
    for page in pending_tables(con, extractor_version, batch_size):
        yield page.to_pylist()


# --- extract output -> postings ------------------------------------------------------
def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value)
    return text if text else None


# Extract output records written to the spool at a time (one Parquet row group each).
EXTRACT_CHUNK_ROWS = 50_000

ExtractOutput = pa.Table | list[dict[str, Any]]  # a batch of extract output records


def load_extractions(
    con: duckdb.DuckDBPyConnection, records: Iterable[dict], extractor_version: str
) -> int:
    """Upsert extract output records (dicts, docs/architecture.md section 2); see
    `load_extraction_batches`. Returns the number of postings loaded."""

    def batches() -> Iterator[list[dict[str, Any]]]:
        chunk: list[dict[str, Any]] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= EXTRACT_CHUNK_ROWS:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    return load_extraction_batches(con, batches(), extractor_version)


def load_extraction_batches(
    con: duckdb.DuckDBPyConnection, batches: Iterable[ExtractOutput], extractor_version: str
) -> int:
    """Upsert extract output into postings, posting_salaries and posting_skills.

    A batch is an Arrow table of output records (`EXTRACT_OUTPUT_ARROW`, extra columns
    ignored) or a list of record dicts. Each record joins the latest landed version of
    its posting (company, title, url, dates come from there). Records without an `id`,
    or for a posting never landed, are skipped; of an id given twice the last record
    wins. The output is spooled to a Parquet file as it arrives (`_OutputSpool`) and
    merged into the real tables once at the end, in SQL that flattens the nested records
    as it reads them. The current extraction run (one per writer connection and extractor
    version) is recorded in `extraction_runs`. Returns the number of postings loaded.
    """
    with _OutputSpool(con) as spool:
        for batch in batches:
            if isinstance(batch, pa.Table):
                spool.add(batch)
            else:
                usable = [r for r in batch if isinstance(r, dict) and r.get("id")]
                if usable:
                    spool.add_records(usable)
        if not spool.rows:
            return 0
        spool.finish()
        con.execute(sql_text("extract_prepare"))
        con.read_parquet(str(spool.path)).create_view("extract_output", replace=True)
        try:
            con.execute(sql_text("extract_finalize"))
            loaded = con.sql(sql_text("extract_final_count")).fetchall()[0][0]
            if not loaded:
                return 0
            run_id = _current_extraction_run(con, extractor_version)
            if con.execute(sql_text("extract_previous")).fetchall()[0][0]:
                con.execute(sql_text("extract_delete_previous"))
            con.execute(sql_text("extract_insert_postings"), [extractor_version, run_id])
            con.execute(sql_text("extract_upsert"))
        finally:
            con.execute(sql_text("extract_cleanup"))
    con.execute(sql_text("extraction_run_add"), [loaded, _utc_now(), run_id])
    return loaded


class _OutputSpool:
    """Extract output, numbered by arrival (`seq`: the last record of an id wins), written
    to a Parquet file as it arrives; the load SQL reads it back as `extract_output`.

    Compared with staging the flattened output in temp tables, the spool cost 1.3 s to
    write and made the merge 4-5 s faster at a million postings, and memory stays flat.
    The file lives in the database's temp directory (next to a writer's working copy,
    which the writer cleans up whatever happens), else in the system's.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        folder = con.sql(sql_text("temp_directory")).fetchall()[0][0]
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix="extract-output-", suffix=".parquet", dir=folder)
        os.close(handle)
        self.path = Path(name)
        self.rows = 0
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(
            self.path, EXTRACT_SPOOL_ARROW, compression="lz4", use_dictionary=False
        )
        # Writing runs in a thread (pyarrow releases the GIL) while the caller extracts
        # the next batch; one write in flight at a time keeps memory flat.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract-spool")
        self._in_flight: Future[None] | None = None

    def __enter__(self) -> _OutputSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.finish()
        finally:
            self._thread.shutdown()
            self.path.unlink(missing_ok=True)

    def add(self, table: pa.Table) -> None:
        """Spool an Arrow batch of output records (a column of another type is cast; when
        that fails, the records are taken one by one, see add_records)."""
        try:
            conformed = _conform(table)
        except (pa.ArrowException, TypeError, ValueError):
            records = [r for r in table.to_pylist() if r.get("id")]
            if records:
                self.add_records(records)
            return
        seqs = pa.array(range(self.rows, self.rows + conformed.num_rows), pa.int64())
        writer = self._writer
        assert writer is not None, "spool already finished"
        self._wait()
        self._in_flight = self._thread.submit(
            writer.write_table, conformed.append_column("seq", seqs)
        )
        self.rows += conformed.num_rows

    def _wait(self) -> None:
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            in_flight.result()  # raises what the write raised

    def add_records(self, records: list[dict[str, Any]]) -> None:
        """Spool output records (each with an id). When some value has the wrong type,
        every record is first fitted to the schema (that value becomes null, the rest of
        its record is kept), so both cases are read by the same SQL."""
        converted = extract_output_arrow(records)
        if not isinstance(converted, pa.Table):
            fitted = [_fitted(record, EXTRACT_OUTPUT_STRUCT) for record in records]
            converted = pa.Table.from_pylist(fitted, schema=EXTRACT_OUTPUT_ARROW)
        self.add(converted)

    def finish(self) -> None:
        try:
            self._wait()
        finally:
            if self._writer is not None:
                self._writer.close()
                self._writer = None


_SALARY_ARROW = pa.struct(
    [
        ("min", pa.float64()),
        ("max", pa.float64()),
        ("currency", pa.string()),
        ("period", pa.string()),
        ("min_annual_usd", pa.float64()),
        ("max_annual_usd", pa.float64()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("is_primary", pa.bool_()),
    ]
)
# The fields of an extract output record (docs/architecture.md section 2) the warehouse
# keeps; pyarrow builds the nested batch in C++, the SQL flattens it.
EXTRACT_OUTPUT_ARROW = pa.schema(
    [
        ("id", pa.string()),
        ("role", pa.string()),
        ("role_evidence", pa.string()),
        ("seniority", pa.string()),
        ("remote", pa.string()),
        ("ai_involvement", pa.string()),
        ("language", pa.string()),
        (
            "location",
            pa.struct(
                [
                    (name, pa.string())
                    for name in ("city", "region", "country", "us_state", "world_region")
                ]
            ),
        ),
        ("years_experience", pa.struct([("min", pa.float64()), ("max", pa.float64())])),
        ("salary", _SALARY_ARROW),
        ("salaries", pa.list_(_SALARY_ARROW)),
        ("salary_source", pa.string()),
        ("skills", pa.list_(pa.string())),
        ("skill_evidence", pa.list_(pa.struct([("skill_id", pa.string()), ("text", pa.string())]))),
    ]
)
EXTRACT_OUTPUT_STRUCT = pa.struct(list(EXTRACT_OUTPUT_ARROW))  # a record, for _fitted
EXTRACT_SPOOL_ARROW = EXTRACT_OUTPUT_ARROW.append(pa.field("seq", pa.int64()))


def extract_output_arrow(records: list[dict[str, Any]]) -> ExtractOutput:
    """Extract output records as one Arrow table, built in C++ by pyarrow; the records
    themselves when a field holds a value of the wrong type (the loader then takes them
    one by one). Extractor worker processes call this, so the writer gets Arrow."""
    try:
        return pa.Table.from_pylist(records, schema=EXTRACT_OUTPUT_ARROW)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return records


def _conform(table: pa.Table) -> pa.Table:
    """The columns of EXTRACT_OUTPUT_ARROW, in its order and types (missing ones null)."""
    columns = []
    for wanted in EXTRACT_OUTPUT_ARROW:
        if wanted.name in table.column_names:
            column = table.column(wanted.name)
            columns.append(column if column.type == wanted.type else column.cast(wanted.type))
        else:
            columns.append(pa.nulls(table.num_rows, wanted.type))
    return pa.Table.from_arrays(columns, schema=EXTRACT_OUTPUT_ARROW)


def _fitted(value: Any, arrow_type: pa.DataType) -> Any:
    """`value` as `arrow_type` takes it: a struct keeps its known fields, a list its
    elements (text for a list of text splits into characters, as pyarrow reads it; for a
    list of structs it is no list), a number may come as
    text, a text field takes any scalar; anything else of the wrong kind becomes null."""
    if value is None:
        return None
    if pa.types.is_struct(arrow_type):
        if not isinstance(value, dict):
            return None
        return {f.name: _fitted(value.get(f.name), f.type) for f in arrow_type}
    if pa.types.is_list(arrow_type):
        if not isinstance(value, (list, tuple, str)):
            return None
        if isinstance(value, str) and not pa.types.is_string(arrow_type.value_type):
            return None
        return [_fitted(item, arrow_type.value_type) for item in value]
    if pa.types.is_floating(arrow_type):
        try:
            return float(value)  # a bool is 0/1, as pyarrow reads it
        except (TypeError, ValueError, OverflowError):
            return None
    if pa.types.is_boolean(arrow_type):
        return bool(value)
    if isinstance(value, (dict, list, tuple)):
        return None
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def _current_extraction_run(con: duckdb.DuckDBPyConnection, extractor_version: str) -> str:
    """The extraction run of this connection for this version, created on first use.

    Its id `<version>#<n>` counts runs of that version, so a clean run and a re-run after
    a crash get the same id.
    """
    con.execute(sql_text("extraction_session_create"))
    found = con.execute(sql_text("extraction_session_get"), [extractor_version]).fetchall()
    if found:
        return found[0][0]
    n = con.execute(sql_text("extraction_runs_count"), [extractor_version]).fetchall()[0][0]
    run_id = f"{extractor_version}#{n + 1}"
    now = _utc_now()
    con.execute(sql_text("extraction_run_create"), [run_id, extractor_version, now, now])
    con.execute(sql_text("extraction_session_set"), [extractor_version, run_id])
    return run_id


# --- taxonomy ------------------------------------------------------------------------
TAXONOMY_SCHEMA: dict[str, pl.DataType] = {
    "skill_id": pl.String(),
    "name": pl.String(),
    "category": pl.String(),
    "family": pl.String(),
    "aliases": pl.List(pl.String()),
}


def load_taxonomy(con: duckdb.DuckDBPyConnection, skills: Iterable[Any]) -> int:
    """Replace the `skills` table with the taxonomy (dicts or objects with
    id, name, category, family, aliases). Returns the number of skills."""
    rows: dict[str, dict[str, Any]] = {}
    for skill in skills:
        get = skill.get if isinstance(skill, dict) else lambda k, s=skill: getattr(s, k, None)
        sid = get("id") or get("skill_id")
        if not sid:
            continue
        rows[str(sid)] = {
            "skill_id": str(sid),
            "name": str(get("name") or sid),
            "category": _str(get("category")),
            "family": _str(get("family")),
            "aliases": sorted(str(a) for a in (get("aliases") or ())),
        }
    frame = pl.DataFrame(list(rows.values()), schema=TAXONOMY_SCHEMA).sort("skill_id")
    con.register("taxonomy_batch", frame.to_arrow(compat_level=ARROW_COMPAT))
    try:
        con.execute(sql_text("taxonomy_replace"))
    finally:
        con.unregister("taxonomy_batch")
    return frame.height


def update_companies(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild `companies` from postings; returns the number of companies."""
    con.execute(sql_text("companies_rebuild"))
    return con.sql(sql_text("companies_count")).fetchall()[0][0]
