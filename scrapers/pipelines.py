"""Item pipelines: validate every posting (an invalid one is logged, counted and dropped; the
crawl goes on), then land it (scrapers.landing) and write the run's stats file last."""

from __future__ import annotations

import logging
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DropItem

from scrapers import resume
from scrapers.items import primary_compensation
from scrapers.landing import LONE_SURROGATE, LandingWriter, new_run_id
from scrapers.records import (
    LANDING_FIELDS,
    PayRange,
    ValidLandingRecord,
    landing_problem,
    pay_range_problem,
)
from scrapers.registry import LANDING_SOURCES

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def _scrub_surrogates(value: Any) -> Any:
    """Lone UTF-16 surrogates (a JSON answer's "\\ud800") become U+FFFD in every text of a
    posting, nested ones too: the landing record's validation (pydantic) rejects them as
    not unicode, and no UTF-8 file can hold them, but they carry no meaning worth losing
    the posting over."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _scrub_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub_surrogates(item) for item in value]
    return value


def _error_counter(spider: Spider) -> Counter[str]:
    counter = getattr(spider, "errors", None)
    if counter is None:
        counter = Counter()
        spider.errors = counter  # type: ignore[attr-defined]
    return counter


class ValidationPipeline:
    """Checks each posting against the landing record (scrapers.records, the validation
    ingest and `extract` apply too). A posting it rejects (a missing or wrong-typed field,
    a pay figure that is not a finite number) is counted in `items_invalid` and dropped,
    named by its source and id; a pay range that is not usable pay is dropped from the
    posting (the posting stays)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidationPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> dict[str, Any]:
        spider = self.crawler.spider
        errors = _error_counter(spider)
        record = {name: _scrub_surrogates(item.get(name)) for name in LANDING_FIELDS}
        problem = landing_problem(record, sources=LANDING_SOURCES)
        if problem is not None:
            errors["invalid_item"] += 1
            self.crawler.stats.inc_value("promptjobs/items_invalid")
            logger.warning(
                "invalid %s posting %r dropped: %s",
                record.get("source"),
                record.get("source_id"),
                problem,
            )
            raise DropItem(f"invalid posting: {problem}")
        ranges: list[dict[str, Any]] = []
        for raw_range in record.get("compensation_ranges") or []:
            pay = PayRange.model_validate(raw_range)
            reason = pay_range_problem(pay)
            if reason is not None:
                errors["invalid_compensation"] += 1
                logger.warning(
                    "%s %s: pay range dropped (%s)",
                    record.get("source"),
                    record.get("source_id"),
                    reason,
                )
                continue
            assert pay.currency is not None  # pay_range_problem checked it
            kept = {
                "min": raw_range.get("min"),
                "max": raw_range.get("max"),
                "currency": pay.currency.upper(),
                "period": pay.period,
                "raw": pay.raw,
            }
            if pay.pay_basis is not None:
                kept["pay_basis"] = pay.pay_basis
            if "label" in raw_range:
                kept["label"] = raw_range["label"]
            ranges.append(kept)
        record["compensation_ranges"] = ranges
        record["compensation"] = primary_compensation(ranges)
        return ValidLandingRecord(record)


class LandingPipeline:
    """Writes the valid postings of one spider run to the landing zone, then its stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.home = Path(settings.get("PROMPTJOBS_HOME") or ".promptjobs")
        crawl_date = settings.get("PROMPTJOBS_CRAWL_DATE")
        self.crawl_date = date.fromisoformat(crawl_date) if crawl_date else datetime.now(UTC).date()
        self.run_id = settings.get("PROMPTJOBS_RUN_ID") or new_run_id()
        self.writer: LandingWriter | None = None
        self.started_at = datetime.now(UTC)
        self.started_clock = time.monotonic()
        self.stats_path: Path | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LandingPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.writer = LandingWriter(
            self.home / "landing", spider.source, self.crawl_date, self.run_id
        )

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        assert self.writer is not None
        self.writer.write(item)
        return item

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.writer is None:
            return
        stats = build_run_stats(self, spider, reason)
        self.stats_path = self.writer.close(stats)
        self.crawler.stats.set_value("promptjobs/stats_file", str(self.stats_path))
        checkpoint = getattr(spider, "checkpoint_path", None)
        if checkpoint is not None:
            resume.record_run(checkpoint, stats, complete=stats["status"] == "ok")
        logger.info(
            "%s: %s, %d postings, boards ok=%d not_found=%d failed=%d -> %s",
            spider.source,
            stats["status"],
            stats["items"],
            len(stats["boards_ok"]),
            len(stats["boards_not_found"]),
            len(stats["boards_failed"]),
            self.writer.path,
        )


def build_run_stats(pipe: LandingPipeline, spider: Spider, reason: str) -> dict[str, Any]:
    """The stats file of docs/architecture.md §1 (plus close_reason and a few extras)."""
    crawler_stats = pipe.crawler.stats
    outcome = spider.board_outcomes(reason)  # type: ignore[attr-defined]
    errors = dict(sorted(_error_counter(spider).items()))
    boards_ok, not_found, failed = outcome["ok"], outcome["not_found"], outcome["failed"]
    # An interrupted run lists the boards it never finished as failed, so the board lists
    # alone tell whether this run landed everything it set out to crawl.
    if failed:
        status = "partial" if boards_ok else "failed"
    elif not boards_ok and not_found:
        status = "failed"
    else:
        status = "ok"
    finished = datetime.now(UTC)
    assert pipe.writer is not None
    return {
        "run_id": pipe.run_id,
        "source": spider.source,
        "crawl_date": pipe.crawl_date.isoformat(),
        "started_at": pipe.started_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": finished.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration_s": round(time.monotonic() - pipe.started_clock, 3),
        "status": status,
        "close_reason": reason,
        "requests": int(crawler_stats.get_value("downloader/request_count", 0)),
        "responses": int(crawler_stats.get_value("downloader/response_count", 0)),
        "items": pipe.writer.records,
        "items_invalid": int(crawler_stats.get_value("promptjobs/items_invalid", 0)),
        "errors": errors,
        "boards_ok": boards_ok,
        "boards_not_found": not_found,
        "boards_failed": failed,
        "boards_skipped_resumed": outcome.get("skipped", []),
        "api_base": getattr(spider, "api_base", None),
        "attribution_url": getattr(spider, "attribution", None),
        "landing_file": pipe.writer.path.name,
    }
