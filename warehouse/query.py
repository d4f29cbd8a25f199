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
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import duckdb
import polars as pl
import pyarrow.parquet as pq
from rich.console import Console
from rich.table import Table

from common.atomic_write import NotARegularFile, check_replaceable, write_atomic_with
from warehouse.sql_guard import FILES_DISABLED, RefusedQuery, read_statements
from warehouse.store import Warehouse, WarehouseError, damaged_message, is_damage

FORMATS = ("table", "csv", "json", "parquet")
TABLE_ROW_LIMIT = 1000  # rows shown by the table format; csv/json/parquet give everything
# The public tables, in the order docs/data-model.md describes them.
PUBLIC_TABLES = (
    "raw_postings",
    "postings",
    "posting_salaries",
    "posting_skills",
    "employer_boilerplate",
    "posting_countries",
    "skills",
    "companies",
    "crawl_runs",
    "extraction_runs",
    "landing_files",
    "posting_sightings",
    "posting_latest",
)
EXPORT_BATCH_ROWS = 100_000
# `promptjobs sql` sessions never spill to disk: with no temp_directory DuckDB keeps a
# query in memory (a query too big fails with a one-line error) instead of writing
# `<db>.tmp/` beside the warehouse.
SQL_SESSION_CONFIG: dict[str, str | bool] = {"temp_directory": ""}


class QueryError(Exception):
    """A query that cannot run; the message is the one line the CLI prints."""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else exc.__class__.__name__
    if "disabled by configuration" in str(exc) or "Permission Error" in first:
        return FILES_DISABLED
    if is_damage(exc):
        return damaged_message("file", first)
    if "read-only" in str(exc).lower():
        return "the warehouse is read-only here: `promptjobs sql` cannot change it"
    if first.startswith("Out of Memory Error"):
        return (
            "the query needs more memory than DuckDB may use here (it never spills to disk "
            "in `promptjobs sql`): filter or aggregate more, or add a LIMIT"
        )
    return first


def _statements(con: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    """The statements of `query`, each checked to be a read query (sql_guard.py)."""
    try:
        return read_statements(con, query)
    except RefusedQuery as exc:
        raise QueryError(str(exc)) from None
    except duckdb.Error as exc:
        raise QueryError(_one_line(exc)) from None


def _run_statement(
    con: duckdb.DuckDBPyConnection, statement: str, timeout_s: float
) -> pl.DataFrame | None:
    """Run one checked statement in a thread, so that the time limit and Ctrl-C can
    interrupt it (`con.interrupt()`) and leave the connection usable.

    Ctrl-C cancels the query and is raised again as KeyboardInterrupt once DuckDB has
    stopped; the time limit raises QueryError.
    """
    outcome: dict[str, Any] = {}
    # The worker says it is done with an Event, and is joined only after: a Ctrl-C that
    # lands in Thread.join can leave the thread marked stopped while DuckDB still runs it
    # (CPython gh-90882); the process then exited under it and aborted ("terminate
    # called", about 1 Ctrl-C in 4). An Event's wait is safe to interrupt and to repeat.
    done = threading.Event()

    def work() -> None:
        try:
            relation = con.sql(statement)
            outcome["frame"] = relation.pl() if relation is not None else None
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=work, name="promptjobs-sql", daemon=True)
    deadline = time.monotonic() + timeout_s if timeout_s > 0 else None
    worker.start()
    try:
        while not done.wait(0.05):
            if deadline is not None and time.monotonic() > deadline:
                con.interrupt()
                raise QueryError(
                    f"the query was stopped after {timeout_s:g} s (PROMPTJOBS_SQL_TIMEOUT_S): "
                    "filter or aggregate more, add a LIMIT, or raise the limit"
                )
    except KeyboardInterrupt:
        con.interrupt()
        raise
    finally:
        # Every way out waits until DuckDB has stopped; then the join waits only for the
        # thread's own exit.
        done.wait()
        worker.join()
    error = outcome.get("error")
    if error is not None:
        if isinstance(error, duckdb.Error):
            raise QueryError(_one_line(error)) from None
        raise error
    return outcome.get("frame")


def _execute(
    con: duckdb.DuckDBPyConnection, query: str, timeout_s: float = 0
) -> list[pl.DataFrame]:
    """Check every statement first, then run them in order; one frame per statement
    that gives rows."""
    frames = []
    for statement in _statements(con, query):
        frame = _run_statement(con, statement, timeout_s)
        if frame is not None:
            frames.append(frame)
    return frames


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
    output: Path | str | None = None,
    stdout: IO[str] | None = None,
    timeout_s: float = 0,
) -> None:
    """Run one read query and write its result as table, csv, json or parquet.

    `output`: a file (written whole, then moved into place), `"-"` or None for stdout
    (parquet only to an explicit `"-"`, and never to a terminal). `timeout_s`: the time
    limit (0 = none).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    stream = stdout or _stdout()
    if fmt == "parquet" and (output is None or (output == "-" and _is_terminal(stream))):
        raise QueryError("--format parquet needs an output file: add -o FILE.parquet")
    target = None if output in (None, "-") else Path(output)
    if target is not None:
        _check_output_file(target)
    try:
        with warehouse.reader(SQL_SESSION_CONFIG) as con:
            statements = _statements(con, query)
            if len(statements) > 1:
                raise QueryError(
                    f"give one query at a time (this text has {len(statements)} statements); "
                    "the interactive prompt (`promptjobs sql` without a query) runs several"
                )
            frames = _execute(con, query, timeout_s)
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None
    frame = frames[-1] if frames else pl.DataFrame()
    if fmt == "parquet":
        if target is None:
            frame.write_parquet(stream.buffer)  # type: ignore[attr-defined]
            stream.flush()
        else:
            _atomic_write_bytes(target, lambda fh: frame.write_parquet(fh))
        return
    buffer = io.StringIO()
    if fmt == "csv":
        buffer.write(_for_text(frame).write_csv())
    elif fmt == "json":
        _write_json(frame, buffer)
    else:
        _write_table(frame, buffer)
    if target is not None:
        _atomic_write_bytes(target, lambda fh: fh.write(buffer.getvalue().encode("utf-8")))
    else:
        stream.write(buffer.getvalue())
        stream.flush()


def _stdout() -> IO[str]:
    import sys

    return sys.stdout


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _check_output_file(path: Path) -> None:
    """Only a regular file (or a new name) is replaced: never a device, FIFO, symlink or
    folder. The CLI checks its options before any work (promptjobs/output_paths.py);
    this keeps the room safe when called directly."""
    try:
        check_replaceable(path)
    except NotARegularFile as exc:
        raise QueryError(str(exc)) from None


def _atomic_write_bytes(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic_with(path, write)
    except NotARegularFile as exc:
        raise QueryError(str(exc)) from None


HISTORY_FILE = "sql_history"
PROMPT_HELP = (
    "promptjobs sql (read-only). One statement per line (several separated by `;` run in "
    "turn; end a line with `\\` to continue it). `.tables` lists tables, `.quit` or Ctrl-D "
    "leaves, Ctrl-C cancels the running query.\n"
)


def terminal_prompt(
    history_path: Path | None, *, pt_input: Any = None, pt_output: Any = None
) -> Callable[[str], str]:
    """prompt_toolkit: line editing, Up/Down through the history in `history_path`
    (<home>/sql_history from the CLI; kept in memory only when it is None or cannot be
    written). `pt_input`/`pt_output`: prompt_toolkit's Input and Output (default: the
    terminal)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    history: FileHistory | InMemoryHistory = InMemoryHistory()
    if history_path is not None:
        try:
            history_path.touch()
            history = FileHistory(str(history_path))
        except OSError:
            pass
    session: PromptSession[str] = PromptSession(history=history, input=pt_input, output=pt_output)
    return lambda prompt: session.prompt(prompt)


def interactive_sql(
    warehouse: Warehouse,
    *,
    stdout: IO[str] | None = None,
    read_line: Callable[[str], str] | None = None,
    history_path: Path | None = None,
    timeout_s: float = 0,
) -> None:
    """The prompt: each statement checked and run in turn, every result shown.

    `read_line(prompt)` gives the next line (raises EOFError at the end); default:
    prompt_toolkit on a terminal, `input()` otherwise (piped input, tests).
    """
    import sys

    out = stdout or _stdout()
    if read_line is None:
        interactive = sys.stdin.isatty() and _is_terminal(out)
        read_line = terminal_prompt(history_path) if interactive else input
    try:
        with warehouse.reader(SQL_SESSION_CONFIG) as con:
            out.write(PROMPT_HELP)
            out.flush()
            pending = ""
            while True:
                try:
                    line = read_line("... " if pending else "sql> ")
                except EOFError:
                    out.write("\n")
                    return
                except KeyboardInterrupt:  # Ctrl-C at the prompt drops the line only
                    pending = ""
                    out.write("^C\n")
                    continue
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
                    frames = _execute(con, query, timeout_s)
                except QueryError as exc:
                    out.write(f"error: {exc}\n")
                    continue
                except KeyboardInterrupt:
                    out.write("query cancelled\n")
                    continue
                for frame in frames:
                    _write_table(frame, out)
                out.flush()
    except WarehouseError as exc:
        raise QueryError(str(exc)) from None


def export_parquet(warehouse: Warehouse, directory: Path) -> list[Path]:
    """Write every public table to DIRECTORY/<table>.parquet; return the files written.

    The reader cannot write files (external access is off), so rows travel as Arrow
    batches into pyarrow's Parquet writer here in Python.
    """
    for problem in export_target_problems(directory):
        raise QueryError(problem)
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


def export_target_problems(directory: Path) -> list[str]:
    """Why `export DIRECTORY` would replace something that is not its own output (a
    file, a device, a link where a folder or a table's Parquet file belongs); [] when
    it is safe. Checked before anything is read."""
    if directory.exists() and not directory.is_dir():
        return [
            f"{directory} exists and is not a folder: give a new or empty folder for the "
            "Parquet files, e.g. `promptjobs export exported/`"
        ]
    problems = []
    for table in PUBLIC_TABLES:
        target = directory / f"{table}.parquet"
        try:
            mode = os.lstat(target).st_mode
        except (FileNotFoundError, NotADirectoryError):
            continue
        if not stat.S_ISREG(mode):
            problems.append(
                f"{target} is not a regular file: remove it or export to another folder"
            )
    return problems
