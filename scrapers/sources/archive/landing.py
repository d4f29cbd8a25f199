"""Landing of archive postings: ordinary landing files (scrapers.landing), one per archive,
month and capture date, in the partition of the capture date, so the warehouse's crawl
dates are capture dates and first_seen/last_seen come from capture times.

Each file's stats file lists the capture keys it covers (`capture_keys`, captures that gave
no posting included). Stats files are written last, so they are the record of what landed:
a resumed backfill reads them back (`landed_capture_keys`) and skips those captures. Archive
stats files list no complete boards (`boards_ok` is empty): a capture of one job page says
nothing about the board's other jobs, so no archive file closes a posting by its absence."""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.request import fingerprint

from scrapers.landing import LandingWriter, new_run_id, write_json_atomic
from scrapers.pipelines import ValidationPipeline

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

SOURCE = "archive"


class RangeFingerprinter:
    """Scrapy's request fingerprint plus the Range header: two byte ranges of one WARC file
    are two answers in the HTTP cache."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RangeFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        return fingerprint(request, include_headers=["Range"])


def landed_capture_keys(landing_dir: Path) -> set[str]:
    """Capture keys of every complete archive landing file (its stats file exists)."""
    keys: set[str] = set()
    for stats_path in sorted(Path(landing_dir).glob(f"source={SOURCE}/date=*/*.stats.json")):
        try:
            stats = json.loads(stats_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        keys.update(k for k in stats.get("capture_keys", []) if isinstance(k, str))
    return keys


class ArchiveValidationPipeline(ValidationPipeline):
    """The landing contract's validation, keeping the archive provenance (`raw`) and letting
    the spider's unit markers through."""

    def process_item(self, item: Any) -> Any:
        from scrapers.sources.archive.spider import UnitDone

        if isinstance(item, UnitDone):
            return item
        raw = item.get("raw")
        record = super().process_item(item)
        record["raw"] = raw
        return record


class ArchiveLandingPipeline:
    """Writes each unit's postings into one landing file per capture date and closes them
    when the spider says the unit is done (or when the spider closes: what landed stays)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.home = Path(crawler.settings.get("PROMPTJOBS_HOME") or ".promptjobs")
        self.run_id = crawler.settings.get("PROMPTJOBS_RUN_ID") or new_run_id()
        self.writers: dict[tuple[tuple[str, str], str], LandingWriter] = {}
        self.written: Counter[tuple[str, str]] = Counter()
        self.waiting: dict[tuple[str, str], Any] = {}
        self.files: list[dict[str, Any]] = []
        self.started_at = datetime.now(UTC)
        self.started_clock = time.monotonic()
        self.sequence = 0
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveLandingPipeline:
        return cls(crawler)

    def _writer(self, unit: tuple[str, str], day: str) -> LandingWriter:
        writer = self.writers.get((unit, day))
        if writer is None:
            self.sequence += 1
            # One run id per file: `<run id>` + a counter keeps them sortable and distinct.
            run_id = f"{self.run_id}-{self.sequence:04d}"
            writer = LandingWriter(self.home / "landing", SOURCE, date.fromisoformat(day), run_id)
            self.writers[(unit, day)] = writer
        return writer

    def process_item(self, item: Any) -> Any:
        from scrapers.sources.archive.spider import UnitDone

        if isinstance(item, UnitDone):
            self.waiting[item.unit] = item
        else:
            raw = item.get("raw") or {}
            unit = (raw.get("archive"), _month_of(raw.get("timestamp")))
            self._writer(unit, item["fetched_at"][:10]).write(item)  # type: ignore[arg-type]
            self.written[unit] += 1  # type: ignore[index]
        self._close_ready()
        return item

    def _close_ready(self) -> None:
        for unit, done in list(self.waiting.items()):
            if self.written[unit] >= done.items:
                self._close_unit(unit, done.status)
                del self.waiting[unit]

    def _close_unit(self, unit: tuple[str, str], status: str) -> None:
        spider = self.crawler.spider
        state = spider.units.get(unit)  # type: ignore[attr-defined]
        keys_by_day: dict[str, list[str]] = dict(state.done_keys) if state else {}
        days = sorted(set(keys_by_day) | {d for (u, d) in self.writers if u == unit})
        for day in days:
            writer = self._writer(unit, day)
            stats = self._stats(writer, unit, day, keys_by_day.get(day, []), status)
            writer.close(stats)
            self.files.append(stats)
            del self.writers[(unit, day)]
        if state:
            state.done_keys.clear()

    def _stats(
        self, writer: LandingWriter, unit: tuple[str, str], day: str, keys: list[str], status: str
    ) -> dict[str, Any]:
        spider = self.crawler.spider
        finished = datetime.now(UTC)
        stats = self.crawler.stats
        return {
            "run_id": writer.run_id,
            "source": SOURCE,
            "crawl_date": day,
            "started_at": self.started_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "duration_s": round(time.monotonic() - self.started_clock, 3),
            "status": status,
            "requests": int(stats.get_value("downloader/request_count", 0)),
            "responses": int(stats.get_value("downloader/response_count", 0)),
            "items": writer.records,
            "items_invalid": int(stats.get_value("promptjobs/items_invalid", 0)),
            "errors": dict(sorted(getattr(spider, "errors", Counter()).items())),
            "boards_ok": [],
            "boards_not_found": [],
            "boards_failed": [],
            "archive": unit[0],
            "month": unit[1],
            "captures": len(keys),
            "capture_keys": sorted(keys),
            "archive_base": getattr(spider, "archive_base", None),
            "landing_file": writer.path.name,
        }

    def spider_closed(self, spider: Spider, reason: str) -> None:
        # What was fetched before a stop (Ctrl-C, a failed unit) lands as a partial file.
        open_units = {u for (u, _d) in self.writers} | {
            u for u, s in getattr(spider, "units", {}).items() if s.done_keys
        }
        for unit in sorted(open_units):
            self._close_unit(unit, "partial")
        summary = {
            "run_id": self.run_id,
            "close_reason": reason,
            "duration_s": round(time.monotonic() - self.started_clock, 3),
            "files": [
                {k: f[k] for k in ("crawl_date", "archive", "month", "captures", "items", "status")}
                for f in self.files
            ],
            "units": [
                {
                    "archive": u.archive,
                    "month": u.month,
                    "listed": len(u.listed),
                    "chosen": u.chosen,
                    "skipped_landed": u.skipped_done,
                    "postings": u.items,
                    "fetch_failed": u.fetch_failed,
                    "listing_failed": u.listing_failed,
                    "found_by": dict(u.found_by),
                }
                for u in getattr(spider, "units", {}).values()
            ],
            "errors": dict(getattr(spider, "errors", {})),
            "requests": int(self.crawler.stats.get_value("downloader/request_count", 0)),
            "cached": int(self.crawler.stats.get_value("httpcache/hit", 0)),
        }
        out = self.crawler.settings.get("PROMPTJOBS_ARCHIVE_SUMMARY")
        if out:
            write_json_atomic(Path(out), summary)


def _month_of(timestamp: Any) -> str:
    text = str(timestamp or "")
    return f"{text[0:4]}-{text[4:6]}"
