"""The I/O edge of `promptjobs extract` (../shared/EXTRACT-CONTRACT.md).

Streams JSONL in, JSONL out: one output object per valid input line, same id, input
order. A malformed line is reported on stderr with its line number and skipped; it never
stops the other lines and never leaves a partial object. Progress goes to stderr only.
Output to a file is written under a temporary name and moved into place at the end, so
an interrupted run never leaves a half-written OUTPUT.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from pathlib import Path
from typing import IO, Any, Protocol

import typer

from common.atomic_write import AtomicFile
from scrapers.records import extract_input_problem
from transforms.text import scrub_surrogates

PROGRESS_EVERY_S = 2.0


class _Console(Protocol):
    def print(self, *objects: Any, **kwargs: Any) -> None: ...


class _Counter:
    def __init__(self) -> None:
        self.lines = 0
        self.valid = 0
        self.malformed = 0


def _say(console: _Console, message: str) -> None:
    console.print(message, markup=False, highlight=False, soft_wrap=True)


def _open_input(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(path)
    return source.open("rb")


def parse_line(raw: bytes) -> tuple[dict | None, str | None]:
    """(record, None) for a usable line; (None, reason) for a malformed one;
    (None, None) for a blank line."""
    if not raw.strip():
        return None, None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except json.JSONDecodeError as exc:
        return None, f"not JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return None, "JSON nested too deeply"
    except ValueError as exc:  # e.g. an integer past Python's 4,300-digit limit
        return None, f"not usable JSON ({exc})"[:200]
    if not isinstance(obj, dict):
        return None, f"expected a JSON object, got {type(obj).__name__}"
    # The landing record's field types decide (scrapers.records): a number as title or an
    # infinite pay figure is refused here as the warehouse refuses it at ingest.
    problem = extract_input_problem(obj)
    if problem is not None:
        return None, problem
    for key in ("title", "company", "location", "text"):
        value = obj.get(key)
        if value is not None:
            obj[key] = scrub_surrogates(value)
    if isinstance(obj["id"], str):
        obj["id"] = scrub_surrogates(obj["id"])
    return obj, None


def _records(stream: IO[bytes], counter: _Counter, console: _Console) -> Iterator[dict]:
    for line_no, raw in enumerate(stream, start=1):
        counter.lines = line_no
        record, problem = parse_line(raw)
        if problem:
            counter.malformed += 1
            _say(console, f"line {line_no}: malformed, skipped: {problem}")
            continue
        if record is not None:
            counter.valid += 1
            yield record


def run_extract(
    input: str, output: str, *, workers: int | None, batch_size: int, console: _Console
) -> int:
    """Implements ../shared/EXTRACT-CONTRACT.md; returns the number of malformed lines."""
    from promptjobs.settings import load_settings
    from transforms.parallel import extract_parallel, resolve_workers

    settings = load_settings()
    n_workers = resolve_workers(settings.workers if workers is None else workers)
    fx_text = None
    if settings.fx_file is not None:
        try:
            fx_text = Path(settings.fx_file).read_text("utf-8")
        except OSError as exc:
            _say(
                console, f"error: cannot read PROMPTJOBS_FX_FILE {settings.fx_file}: {exc.strerror}"
            )
            raise typer.Exit(2) from None
    try:
        stream = _open_input(input)
    except FileNotFoundError:
        _say(
            console, f"error: input file {input} does not exist; pass a JSONL file or '-' for stdin"
        )
        raise typer.Exit(2) from None

    counter = _Counter()
    atomic: AtomicFile | None = None
    if output == "-":
        sink: IO[str] = sys.stdout
    else:
        target = Path(output)
        if target.parent and not target.parent.exists():
            _say(console, f"error: output folder {target.parent} does not exist")
            raise typer.Exit(2)
        atomic = AtomicFile(target, "w", encoding="utf-8")
        sink = atomic.file
    started = last_report = time.monotonic()
    written = 0
    completed = False
    try:
        for result in extract_parallel(
            _records(stream, counter, console),
            workers=n_workers,
            batch_size=batch_size,
            fx_csv_text=fx_text,
        ):
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            written += 1
            now = time.monotonic()
            if now - last_report >= PROGRESS_EVERY_S:
                last_report = now
                rate = written / max(now - started, 1e-9)
                _say(
                    console,
                    f"extract: {written:,} postings ({rate:,.0f}/s), {counter.malformed} malformed",
                )
        sink.flush()
        completed = True
    except BrokenProcessPool:
        _say(
            console,
            "error: an extraction worker process died (out of memory?); "
            "rerun with fewer --workers or --workers 1",
        )
        raise typer.Exit(1) from None
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, like other Unix tools.
        with suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush
        completed = False
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
        if atomic is not None:
            if completed:
                atomic.commit()
            else:
                atomic.abort()
    elapsed = time.monotonic() - started
    _say(
        console,
        f"extract: done, {written:,} postings in {elapsed:.1f}s "
        f"({written / max(elapsed, 1e-9):,.0f}/s, {n_workers} worker(s)); "
        f"{counter.malformed} malformed line(s) skipped",
    )
    return counter.malformed
