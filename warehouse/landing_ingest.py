"""Landing ingest: complete landing files (docs/architecture.md §1) -> raw_postings,
posting_sightings, posting_latest, and (through warehouse.bookkeeping) crawl_runs and
landing_files.

Landing files are read with Polars in batches and reach DuckDB as Arrow tables (no
per-row Python). Each line is checked against the landing record model
(`scrapers.records.LandingRecord`), the same validation the spiders' pipeline applies:
a line it rejects is counted invalid, reported with its file and line number, and the
rest of the file loads. Everything runs on the caller's writer connection, so it becomes
visible together with the rest of the refresh or not at all.

The landed rows reach the SQL as a local variable named `landing_batch` of the function
that runs the statement, which DuckDB's replacement scan reads by name; not as a view
registered with `con.register`, which is a catalog entry: inside an open transaction (a
DuckLake refresh is one) DuckDB keeps a dropped entry, and the Arrow data it holds, until
the commit, so a lake's first load held every landed batch in memory to its end (1M
postings: 3.7 GB at the ingest's end, 1.9 GB without). The file writer autocommits each
statement and never kept them. (A wrapper between this module and the connection must
call DuckDB from a frame that has the variable, or set `python_scan_all_frames`.)
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from scrapers.records import (
    LANDING_FIELDS,
    LANDING_NESTED_FIELDS,
    landing_json_problem,
    landing_problem,
    seal_holds,
)
from warehouse.arrow_handover import ARROW_COMPAT, scan_ready
from warehouse.bookkeeping import LoadedFile, record_landed_files
from warehouse.landing_screen import suspects
from warehouse.prefetch import Prefetch
from warehouse.sqlfiles import sql_text

logger = logging.getLogger(__name__)

LANDING_BATCH_ROWS = 50_000
# A landing file is read this many (decompressed) bytes at a time, cut at a line end; a
# chunk the screen clears whole is one batch (at most LANDING_WHOLE_CHUNK_ROWS lines).
LANDING_CHUNK_BYTES = 32 * 1024 * 1024
LANDING_WHOLE_CHUNK_ROWS = 200_000
# The Polars schema of a landing line, derived from the landing record model: every
# field as text. Timestamps stay strings here and are parsed by DuckDB (try_cast), so one
# odd date never rejects a whole batch. The nested fields are read as their JSON text and
# typed by DuckDB (landing_stage_create's macros): Polars parsed the lines 4-5x slower
# with them declared as struct and list.
LANDING_SCHEMA: dict[str, pl.DataType] = {name: pl.String() for name in LANDING_FIELDS}
LANDING_FILE_RE = re.compile(
    r"source=(?P<source>[^/]+)/date=(?P<date>\d{4}-\d{2}-\d{2})/(?P<run_id>[^/]+)\.jsonl\.gz$"
)
# Invalid lines kept in IngestResult with their reason (all are counted; a file of junk
# must not fill memory with reasons).
MAX_REPORTED_LINES = 50


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
    # `<landing file> line <n>: <field>: <reason>` of the first invalid lines
    invalid_lines: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def report_invalid(self, rel: str, problems: list[tuple[int, str]]) -> None:
        for line_no, problem in problems:
            if len(self.invalid_lines) < MAX_REPORTED_LINES:
                self.invalid_lines.append(f"{rel} line {line_no}: {problem}")
                logger.warning("landing %s line %d invalid, skipped: %s", rel, line_no, problem)


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


@dataclass
class _Batch:
    """Valid lines of a landing file as Polars read them, the number of invalid lines
    left out, and (line number, reason) of each."""

    frame: pl.DataFrame
    bad: int
    problems: list[tuple[int, str]]


def _landing_batches(path: Path, seal: Any = None) -> Iterator[_Batch]:
    """The file's valid lines as Polars batches; strict and fast (the caller falls back to
    `_tolerant_batches` when Polars cannot read a line). The file is read a chunk of
    whole lines at a time, so memory stays flat. A chunk the screen
    (warehouse.landing_screen) clears as a whole is one Polars read and one vectorised
    screen of its lines, with no per-line Python; any other chunk is split into its lines and
    the model judges each line the screen cannot clear.

    A file whose stats `seal` still holds (scrapers.records.seal_holds: written by the
    spiders' pipeline, every line accepted by this very model, not a byte changed since)
    is not screened: its lines were judged by the model when they were written. Screening
    them again cost about 40% of a first load's ingest (8 s at a million postings)."""
    if seal_holds(seal, path):
        yield from _sealed_batches(path, seal["lines"])
        return
    first_line = 1
    with gzip.open(path, "rb") as handle:
        rest = b""
        while True:
            chunk = handle.read(LANDING_CHUNK_BYTES)
            data = rest + chunk
            if chunk:
                cut = data.rfind(b"\n") + 1
                if cut == 0:
                    rest = data
                    continue
                data, rest = data[:cut], data[cut:]
            else:
                rest = b""
            if data:
                yield from _chunk_batches(data, first_line)
                first_line += data.count(b"\n")
            if not chunk:
                return


def _sealed_batches(path: Path, lines: int) -> Iterator[_Batch]:
    """A sealed file's lines, streamed by Polars (its own gzip reader: 0.9 s against 1.6 s
    for Python's gzip and one Polars read per chunk, 570k lines). Polars reading another
    number of lines than the seal counts raises, so the caller reads the file line by line."""
    rows = 0
    scan = pl.scan_ndjson(path, schema=LANDING_SCHEMA)
    for frame in scan.collect_batches(chunk_size=LANDING_BATCH_ROWS):
        rows += frame.height
        yield _Batch(frame, 0, [])
    if rows != lines:
        raise pl.exceptions.ComputeError(f"{rows} lines read, the seal counts {lines}")


def _chunk_batches(data: bytes, first_line: int) -> Iterator[_Batch]:
    """The batches of one chunk of whole lines, the first being line `first_line`."""
    whole = _cleared_chunk(data)
    if whole is not None:
        yield _Batch(whole, 0, [])
        return
    lines: list[bytes] = []
    line_nos: list[int] = []
    for line_no, line in enumerate(data.split(b"\n"), start=first_line):
        line += b"\n"
        if line.isspace():
            continue
        lines.append(line)
        line_nos.append(line_no)
        if len(lines) >= LANDING_BATCH_ROWS:
            yield _screened_batch(lines, line_nos)
            lines, line_nos = [], []
    if lines:
        yield _screened_batch(lines, line_nos)


def _cleared_chunk(data: bytes) -> pl.DataFrame | None:
    """The chunk as one frame when it has one record per line (no blank line) and the
    screen clears every line, so the model has nothing to judge; else None (the caller
    then screens it line by line, which gives the same verdicts)."""
    if b"\r" in data:
        return None  # Polars may end a line where split() does not
    lines = data.count(b"\n") + (not data.endswith(b"\n"))
    if lines > LANDING_WHOLE_CHUNK_ROWS:
        return None
    try:
        # One text per line (the regex runs over them in parallel; over the chunk as one
        # text it took 3x as long).
        body = data[:-1] if data.endswith(b"\n") else data
        text = pl.Series("line", body.split(b"\n"), dtype=pl.Binary).cast(pl.String)
        frame = pl.read_ndjson(io.BytesIO(data), schema=LANDING_SCHEMA)
    except pl.exceptions.PolarsError:
        return None
    if frame.height != lines or suspects(frame, text).any():
        return None
    return frame


def _screened_batch(lines: list[bytes], line_nos: list[int]) -> _Batch:
    frame = pl.read_ndjson(io.BytesIO(b"".join(lines)), schema=LANDING_SCHEMA)
    if frame.height != len(lines):
        raise pl.exceptions.ComputeError("line count mismatch")  # let the fallback read it
    raw = pl.Series("line", lines, dtype=pl.Binary).cast(pl.String)
    rejected = []
    for index in suspects(frame, raw).arg_true().to_list():
        problem = landing_json_problem(lines[index])
        if problem is not None:
            rejected.append((index, problem))
    if rejected:
        keep = [True] * frame.height
        for index, _ in rejected:
            keep[index] = False
        frame = frame.filter(pl.Series(keep, dtype=pl.Boolean))
    return _Batch(frame, len(rejected), [(line_nos[i], problem) for i, problem in rejected])


def _tolerant_batches(path: Path) -> Iterator[_Batch]:
    """Line-by-line fallback for a file Polars cannot read (a malformed line, `NaN`):
    every line the model accepts is kept, every other one counted."""
    rows: list[dict[str, Any]] = []
    bad = 0
    problems: list[tuple[int, str]] = []
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                obj, problem = None, f"not JSON ({exc.msg} at column {exc.colno})"
            else:
                problem = landing_problem(obj) if isinstance(obj, dict) else "not a JSON object"
            if problem is not None:
                bad += 1
                problems.append((line_no, problem))
                continue
            rows.append({name: _coerce(name, obj.get(name)) for name in LANDING_SCHEMA})
            if len(rows) >= LANDING_BATCH_ROWS:
                yield _Batch(pl.DataFrame(rows, schema=LANDING_SCHEMA, strict=False), bad, problems)
                rows, bad, problems = [], 0, []
    if rows or bad:
        yield _Batch(pl.DataFrame(rows, schema=LANDING_SCHEMA, strict=False), bad, problems)


def _coerce(name: str, value: Any) -> Any:
    """Shape one field of a valid record as the fast path reads it: nested fields as
    JSON text (typed later, in SQL), the others as text."""
    if name in LANDING_NESTED_FIELDS:
        return None if value is None else json.dumps(value)
    return None if value is None else str(value)


def _read_stats(path: Path) -> dict[str, Any] | None:
    try:
        stats = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return stats if isinstance(stats, dict) else None


# Landed rows staged before they are merged into the tables (one anti-join per flush):
# by count, and by size, since the staged files' rows are held in memory until then.
STAGE_FLUSH_ROWS = 300_000
# Parsed rows are typed into landing_stage once this many are waiting (and at a flush):
# one statement per landing file cost the typing SQL's ~20-50 ms of fixed cost per file,
# most of a first load's ingest of many small files; staging while the next files are
# parsed keeps the two overlapping.
STAGE_INSERT_ROWS = 60_000
STAGE_FLUSH_BYTES = 256 * 1024 * 1024
# posting_latest is brought up to date in parts of about this many of the ingest's
# sightings, by posting (a million-posting first load's 1.9M are one part).
TOUCHED_PART_SIGHTINGS = 2_000_000


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
    is updated at the end for the postings sighted now (the others cannot change); each stats file becomes a `crawl_runs` row.
    Files are staged a few hundred thousand rows at a time and merged set-wise (one
    anti-join per flush, not per file). A line the landing record model rejects is
    counted in `rows_invalid` and named in `invalid_lines`; a file that cannot be read is
    reported and skipped (not marked loaded), so fixing it and re-running loads it.
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
    # (`landing_batch`, here and below, is read by name by the SQL: see the docstring.)
    landing_batch = _empty_landing_batch().to_arrow(compat_level=ARROW_COMPAT)  # noqa: F841
    con.execute(sql_text("landing_stage_create"))
    con.execute(sql_text("landing_touched_create"))
    staged: list[_StagedFile] = []
    staged_rows = staged_bytes = 0
    unstaged: list[pl.DataFrame] = []
    line_numbers = _LineNumbers()
    files = [(data_path, stats.get("landing_seal")) for _, data_path, stats in todo]
    with _ReadAhead(files) as parsed:
        for index, (rel, data_path, stats) in enumerate(todo):
            match = LANDING_FILE_RE.search(rel)
            assert match is not None  # complete_landing_files only returns matching names
            source, crawl_date, run_id = match["source"], match["date"], match["run_id"]
            params = [rel, source, crawl_date, run_id]
            try:
                frames, bad, problems = _stage_file(
                    parsed.batches(index), data_path, params, line_numbers
                )
            except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
                result.skipped_files.append(f"{rel}: {exc}")
                continue
            result.report_invalid(rel, problems)
            lines = sum(frame.height for frame in frames)
            staged.append(_StagedFile(rel, source, crawl_date, run_id, lines, bad, stats, frames))
            staged_rows += lines
            staged_bytes += sum(frame.estimated_size() for frame in frames)
            unstaged += frames
            flush = staged_rows >= STAGE_FLUSH_ROWS or staged_bytes >= STAGE_FLUSH_BYTES
            if flush or sum(frame.height for frame in unstaged) >= STAGE_INSERT_ROWS:
                _stage_rows(con, unstaged)
                unstaged = []
            if flush:
                _flush_stage(con, staged, result)
                staged, staged_rows, staged_bytes = [], 0, 0
    _stage_rows(con, unstaged)
    _flush_stage(con, staged, result)
    con.execute(sql_text("landing_stage_drop"))
    # One insert for the whole ingest, on every thread: the part-filled row groups it
    # leaves stay as they are until `promptjobs maintain` compacts the file (a refresh's
    # checkpoint does not vacuum, warehouse.store), so one thread bought nothing and cost
    # 0.7 s of a million-posting first load.
    con.execute(sql_text("landing_sightings_insert"))
    # The postings sighted now get their latest version again; the others keep theirs. In
    # parts when the ingest is large: in one, a 3M-posting first load (5.7M sightings) ran
    # out of the writer's memory budget.
    parts = max(1, -(-result.sightings // TOUCHED_PART_SIGHTINGS))
    for part in range(parts):
        con.execute(sql_text("posting_latest_fresh"), [parts, part])
        con.execute(sql_text("posting_latest_update"))
    con.execute(sql_text("landing_touched_drop"))
    return result


class _ReadAhead:
    """Parses the landing files with Polars in a background thread, a batch or two ahead
    of the caller, so parsing (Polars) and staging (DuckDB) overlap; both release the
    GIL. The caller takes each file's batches (`_Batch`) in file order."""

    _DONE = object()

    def __init__(self, files: list[tuple[Path, Any]]) -> None:
        """`files`: (landing file, its stats' `landing_seal` or None), in load order."""
        self._prefetch = Prefetch(self._parse(files), depth=2)
        self._items: Iterator[tuple[int, Any]] = iter(())

    def __enter__(self) -> _ReadAhead:
        self._items = self._prefetch.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._prefetch.__exit__(*exc_info)

    @classmethod
    def _parse(cls, files: list[tuple[Path, Any]]) -> Iterator[tuple[int, Any]]:
        for index, (path, seal) in enumerate(files):
            try:
                for batch in _landing_batches(path, seal):
                    yield index, batch
                last: Any = cls._DONE
            except Exception as exc:  # noqa: BLE001 - handed to the caller, which decides
                last = exc
            yield index, last

    def batches(self, index: int) -> Iterator[_Batch]:
        """The batches of file `index`; raises what parsing it raised, after its batches."""
        for got, item in self._items:
            if got < index:
                continue  # the rest of an earlier file its caller gave up on
            if item is self._DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


def _flush_stage(
    con: duckdb.DuckDBPyConnection, staged: list[_StagedFile], result: IngestResult
) -> None:
    """Merge the staged files into raw_postings, sightings, posting_latest, crawl_runs."""
    if not staged:
        return
    # (A flush of files without rows, such as a crawl that found nothing, still runs the
    # statements, on an empty batch: landing_insert_raw also drops landing_new.)
    frames = [frame for f in staged for frame in f.frames] or [_empty_landing_batch()]
    batch = pl.concat(frames, rechunk=False)
    invalid = dict(con.sql(sql_text("landing_invalid_counts")).fetchall())
    con.execute(sql_text("landing_new_create"))
    new = dict(con.sql(sql_text("landing_new_counts")).fetchall())
    # The new versions' rows are picked here, in Polars: a join in SQL would push a
    # filter into the Arrow scan, which pyarrow cannot apply to string-view columns.
    first_landings = con.sql(sql_text("landing_new_lines")).pl()
    rows = batch.drop("stored_hash").join(first_landings, on="line_no", how="inner")
    landing_batch = scan_ready(rows.to_arrow(compat_level=ARROW_COMPAT))  # noqa: F841
    con.execute(sql_text("landing_insert_raw"))
    result.sightings += con.execute(sql_text("landing_insert_sightings")).fetchall()[0][0]
    loaded = [
        LoadedFile(
            rel=f.rel,
            source=f.source,
            crawl_date=f.crawl_date,
            run_id=f.run_id,
            stats=f.stats,
            rows_read=f.lines + f.bad_lines,
            rows_invalid=f.bad_lines + invalid.get(f.rel, 0),
            rows_new=new.get(f.rel, 0),
        )
        for f in staged
    ]
    result.crawl_runs += record_landed_files(con, loaded)
    con.execute(sql_text("landing_stage_clear"))
    result.landing_files += len(staged)
    result.rows_read += sum(f.rows_read for f in loaded)
    result.rows_invalid += sum(f.rows_invalid for f in loaded)
    result.raw_rows_new += sum(f.rows_new for f in loaded)


def _stage_rows(con: duckdb.DuckDBPyConnection, frames: list[pl.DataFrame]) -> None:
    """Type numbered rows of whole landing files into `landing_stage`, in one statement."""
    if not frames:
        return
    batch = pl.concat(frames, rechunk=False)
    landing_batch = scan_ready(batch.to_arrow(compat_level=ARROW_COMPAT))  # noqa: F841
    con.execute(sql_text("landing_stage_insert"))


class _LineNumbers:
    """Numbers staged rows in landing order (files oldest first, then line order), so
    `min(line_no)` is the first landing of a version and `max` the last sighting."""

    def __init__(self) -> None:
        self.next = 1

    def take(self, n: int) -> int:
        first, self.next = self.next, self.next + n
        return first


def _stage_file(
    batches: Iterator[_Batch],
    path: Path,
    params: list[str],
    lines: _LineNumbers,
) -> tuple[list[pl.DataFrame], int, list[tuple[int, str]]]:
    """Number one landing file's parsed `batches` (its rows reach the `landing_stage`
    temp table at the next flush); returns its numbered rows, its number of invalid lines
    and (line number, reason) of each."""
    frames: list[pl.DataFrame] = []
    bad, problems = 0, []
    first = lines.next
    try:
        for batch in batches:
            frames.append(_numbered(batch.frame, params, lines.take(batch.frame.height)))
            bad += batch.bad
            problems += batch.problems
        return frames, bad, problems
    except pl.exceptions.PolarsError:
        # A line Polars cannot parse (malformed JSON, `NaN`): redo this file line by line,
        # numbered from where it started.
        lines.next = first
    frames, bad, problems = [], 0, []
    for batch in _tolerant_batches(path):
        frames.append(_numbered(batch.frame, params, lines.take(batch.frame.height)))
        bad += batch.bad
        problems += batch.problems
    return frames, bad, problems


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
