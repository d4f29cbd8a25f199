"""The landing zone writer (docs/architecture.md §1): one gzip JSONL file per run and source,
written under a temporary name and renamed when complete; the stats file is written last."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import secrets
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from common.atomic_write import AtomicFile, write_atomic
from scrapers.records import ValidLandingRecord, landing_seal
from scrapers.registry import LANDING_SOURCES

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def new_run_id(now: datetime | None = None) -> str:
    """`<UTC %Y%m%dT%H%M%S>-<8 hex>`: sortable, and two runs in one second still differ."""
    now = now or datetime.now(UTC)
    return f"{now.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}"


def partition_dir(landing_dir: Path, source: str, crawl_date: date) -> Path:
    """Built from the source and the date only (never from a board token)."""
    if source not in LANDING_SOURCES:
        raise ValueError(f"unknown source {source!r}")
    return Path(landing_dir) / f"source={source}" / f"date={crawl_date.isoformat()}"


def write_json_atomic(path: Path, payload: Any) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(path, text, fsync=True)


class _Digesting:
    """A binary file that hashes what is written to it (the landing seal's SHA-256)."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.file.write(data)

    def flush(self) -> None:
        self.file.flush()


class LandingWriter:
    """Append-only writer for one run of one source.

    `write()` streams records into a hidden temporary file; `close(stats)` renames it to
    `<run_id>.jsonl.gz` and then writes `<run_id>.stats.json`. `abort()` deletes the temporary
    file. A run id that already exists is never reused.

    When every record written came through the landing model's validation (a
    `ValidLandingRecord`), the stats file carries a `landing_seal`: the model's identity
    and the file's SHA-256. Ingest then trusts those lines as they are and does not screen
    them again (docs/architecture.md §1); any other file is screened line by line.
    """

    def __init__(self, landing_dir: Path, source: str, crawl_date: date, run_id: str) -> None:
        self.source = source
        self.crawl_date = crawl_date
        self.run_id = run_id
        self.directory = partition_dir(landing_dir, source, crawl_date)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / f"{run_id}.jsonl.gz"
        self.stats_path = self.directory / f"{run_id}.stats.json"
        if self.path.exists() or self.stats_path.exists():
            raise FileExistsError(f"landing run {run_id} already exists in {self.directory}")
        self._file = AtomicFile(self.path, "wb", fsync=True)
        # Level 5: a third of level 9's CPU for a few percent more bytes.
        self._digesting = _Digesting(self._file.file)
        self._gz = gzip.GzipFile(fileobj=self._digesting, mode="wb", compresslevel=5, mtime=0)
        self.records = 0
        self.unvalidated = 0  # records written that the model did not vouch for
        self.closed = False

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            data = line.encode("utf-8")
        except UnicodeEncodeError:
            # A JSON answer may carry lone surrogate escapes ("\\ud800"); no UTF-8 file can
            # hold them, so they become U+FFFD rather than losing the posting.
            data = LONE_SURROGATE.sub("\ufffd", line).encode("utf-8")
        self._gz.write(data)
        self.records += 1
        self.unvalidated += not isinstance(record, ValidLandingRecord)

    def close(self, stats: dict[str, Any]) -> Path:
        if self.closed:
            return self.stats_path
        self._gz.close()
        self._file.commit()
        if not self.unvalidated:
            seal = landing_seal(self._digesting.digest.hexdigest(), self.records)
            stats = {**stats, "landing_seal": seal}
        write_json_atomic(self.stats_path, stats)
        self.closed = True
        return self.stats_path

    def abort(self) -> None:
        if self.closed:
            return
        self._gz.close()
        self._file.abort()
        self.closed = True


def read_landing(path: Path) -> list[dict[str, Any]]:
    """All records of one landing file (for tests, benchmarks and debugging)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
