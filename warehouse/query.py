"""Ad-hoc SQL on the warehouse (`promptjobs sql`) and Parquet export (`promptjobs export`).

Every query runs on `Warehouse.reader()`: a read-only connection with external access
disabled and the configuration locked, so a query can neither write the warehouse nor
read or write any other file, install or load an extension, or switch these back on.
Statement types are also checked before anything runs, for a clear one-line message.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import IO

import duckdb
import polars as pl
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from warehouse.store import Warehouse, WarehouseError

FORMATS = ("table", "csv", "json", "parquet")
TABLE_ROW_LIMIT = 1000  # rows shown by the table format; csv/json/parquet give everything
# The public tables, in the order docs/data-model.md describes them.
PUBLIC_TABLES = (
    "raw_postings",
    "postings",
    "posting_salaries",
    "posting_skills",
    "skills",
    "companies",
    "crawl_runs",
    "extraction_runs",
    "landing_files",
    "posting_sightings",
    "posting_latest",
)
EXPORT_BATCH_ROWS = 100_000
_READ_ONLY_TYPES = {"SELECT", "EXPLAIN", "PRAGMA"}


class QueryError(Exception):
    """A query that cannot run; the message is the one line the CLI prints."""


def _check_statements(con: duckdb.DuckDBPyConnection, query: str) -> None:
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    if not statements:
        raise QueryError(
            "empty query: give one SELECT statement, e.g. `select * from postings limit 5`"
        )
    for statement in statements:
        kind = statement.type.name
        if kind in {"COPY", "EXPORT"}:
            raise QueryError(
                "COPY/EXPORT cannot write files here: use `--format csv|json|parquet -o FILE` "
                "or `promptjobs export DIR`"
            )
        if kind in {"ATTACH", "DETACH"}:
            raise QueryError("ATTACH is disabled: `promptjobs sql` reads the warehouse only")
        if kind in {"LOAD"}:
            raise QueryError("installing or loading extensions is disabled in `promptjobs sql`")
        if kind not in _READ_ONLY_TYPES:
            raise QueryError(
                f"{kind} is not allowed: the warehouse is read-only here (only SELECT, "
                "DESCRIBE, SHOW, EXPLAIN and PRAGMA run)"
            )


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else exc.__class__.__name__
    if "disabled by configuration" in str(exc) or "Permission Error" in first:
        return (
            "reading or writing files is disabled in `promptjobs sql`; "
            "query the warehouse tables and views, or use `promptjobs export DIR`"
        )
    if "read-only" in str(exc).lower():
        return "the warehouse is read-only here: `promptjobs sql` cannot change it"
    return first


def _execute(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame | None:
    """Run every statement; return the last one's result (None when it has none)."""
    _check_statements(con, query)
    result: pl.DataFrame | None = None
    try:
        for statement in con.extract_statements(query):
            relation = con.sql(statement.query)
            result = relation.pl() if relation is not None else None
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None
    return result


def _for_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested columns (lists, structs) as JSON text, for CSV and the table."""
    nested = [name for name, dtype in frame.schema.items() if dtype.is_nested()]
    if not nested:
        return frame
    return frame.with_columns(
        pl.col(name).map_elements(
            lambda v: json.dumps(v.to_list() if isinstance(v, pl.Series) else v, default=str),
            return_dtype=pl.String,
        )
        for name in nested
    )


def _write_table(frame: pl.DataFrame, stream: IO[str]) -> None:
    table = Table(show_lines=False)
    for name in frame.columns:
        table.add_column(name, overflow="fold")
    shown = _for_text(frame.head(TABLE_ROW_LIMIT))
    for row in shown.iter_rows():
        table.add_row(*("" if v is None else str(v) for v in row))
    console = Console(file=stream, width=200 if not stream.isatty() else None)
    console.print(table)
    extra = frame.height - shown.height
    note = f"{frame.height} row(s)" + (
        f"; showing the first {shown.height}: use --format csv for all" if extra else ""
    )
    console.print(note, style="dim", highlight=False)


def _write_json(frame: pl.DataFrame, stream: IO[str]) -> None:
    json.dump(frame.to_dicts(), stream, default=_json_default, ensure_ascii=False)
    stream.write("\n")


def _json_default(value: object) -> object:
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return str(value)


def run_sql(
    warehouse: Warehouse,
    query: str,
    *,
    fmt: str = "table",
    output: Path | None = None,
    stdout: IO[str] | None = None,
) -> None:
    """Run `query` read-only and write its result as table, csv, json or parquet."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise QueryError("--format parquet needs an output file: add -o FILE.parquet")
    try:
        with warehouse.reader() as con:
            frame = _execute(con, query)
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None
    if frame is None:
        frame = pl.DataFrame()
    if fmt == "parquet":
        assert output is not None
        _atomic_write_bytes(output, lambda fh: frame.write_parquet(fh))
        return
    buffer = io.StringIO()
    if fmt == "csv":
        buffer.write(_for_text(frame).write_csv())
    elif fmt == "json":
        _write_json(frame, buffer)
    else:
        _write_table(frame, buffer)
    if output is not None:
        _atomic_write_bytes(output, lambda fh: fh.write(buffer.getvalue().encode("utf-8")))
    else:
        (stdout or _stdout()).write(buffer.getvalue())


def _stdout() -> IO[str]:
    import sys

    return sys.stdout


def _atomic_write_bytes(path: Path, write) -> None:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def interactive_sql(warehouse: Warehouse, *, stdout: IO[str] | None = None) -> None:
    """A small prompt: one statement per line (end a line with `\\` to continue it),
    `.tables` lists tables and views, `.quit` (or Ctrl-D) leaves."""
    out = stdout or _stdout()
    try:
        with warehouse.reader() as con:
            out.write("promptjobs sql (read-only). `.tables` lists tables, `.quit` leaves.\n")
            pending = ""
            while True:
                try:
                    line = input("... " if pending else "sql> ")
                except EOFError:
                    out.write("\n")
                    return
                if line.rstrip().endswith("\\"):
                    pending += line.rstrip()[:-1] + "\n"
                    continue
                query = (pending + line).strip()
                pending = ""
                if not query:
                    continue
                if query in {".quit", ".exit", "\\q"}:
                    return
                if query == ".tables":
                    query = "show tables"
                try:
                    frame = _execute(con, query)
                except QueryError as exc:
                    out.write(f"error: {exc}\n")
                    continue
                if frame is not None:
                    _write_table(frame, out)
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None


def export_parquet(warehouse: Warehouse, directory: Path) -> list[Path]:
    """Write every public table to DIRECTORY/<table>.parquet; return the files written.

    The reader cannot write files (external access is off), so rows travel as Arrow
    batches into pyarrow's Parquet writer here in Python.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        with warehouse.reader() as con:
            for table in PUBLIC_TABLES:
                target = directory / f"{table}.parquet"
                reader = con.table(table).to_arrow_reader(EXPORT_BATCH_ROWS)

                def write(fh, reader=reader):  # type: ignore[no-untyped-def]
                    with pq.ParquetWriter(fh, reader.schema) as writer:
                        for batch in reader:
                            writer.write_batch(batch)

                _atomic_write_bytes(target, write)
                written.append(target)
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None
    return written
