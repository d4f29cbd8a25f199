"""`ArchiveSpider`: list the captures of ATS job pages month by month through the CDX APIs,
fetch each chosen capture (Common Crawl: its WARC record by HTTP range request; Wayback: the
raw `id_` capture) and yield its postings as `archive` items.

A unit of work is one archive and one month: its index pages are listed first, then one
capture per job is chosen (`select_captures`) and fetched. When the last fetch of a unit is
answered the spider yields a `UnitDone` marker, and the landing pipeline closes that unit's
files (scrapers.sources.archive.landing). Captures already landed by an earlier run are skipped
(their keys are read back from the landing stats files), so a killed backfill resumes."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from cdx_toolkit import settings as cdxt_settings
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scrapers.sources.archive import SOURCE, cdx
from scrapers.sources.archive.cdx import ArchiveAnswerError, Capture, Endpoints
from scrapers.sources.archive.landing import landed_capture_keys
from scrapers.sources.archive.parse import WarcRecordError, postings_from_page, warc_response
from scrapers.sources.archive.patterns import ATS_FAMILIES, DEFAULT_FAMILIES, PATTERNS
from scrapers.sources.base import PostingSpider, error_kind, split_arg

# The archives' own guidance, as cdx-toolkit keeps it: about one index request a second for
# Common Crawl, a little under two WARC ranges a second, one Wayback request every six
# seconds. One connection per archive host. A loopback mirror gets no delay (scrapers.run).
POLITE_SLOTS: dict[str, dict[str, float]] = {
    "index.commoncrawl.org": {"concurrency": 1, "delay": cdxt_settings.CC_INDEX_MIN_RETRY_INTERVAL},
    "data.commoncrawl.org": {"concurrency": 1, "delay": cdxt_settings.CC_DATA_MIN_RETRY_INTERVAL},
    "web.archive.org": {"concurrency": 1, "delay": cdxt_settings.IA_MIN_RETRY_INTERVAL},
}


@dataclass
class UnitDone:
    """Marker item: every capture of `unit` was answered; `items` postings were yielded."""

    unit: tuple[str, str]
    items: int
    status: str


@dataclass
class _Unit:
    archive: str
    month: str
    listing_pending: int = 0
    listed: list[Capture] = field(default_factory=list)
    listing_failed: bool = False
    fetch_pending: int = 0
    fetch_failed: int = 0
    chosen: int = 0
    items: int = 0
    skipped_done: int = 0
    found_by: Counter[str] = field(default_factory=Counter)
    done_keys: dict[str, list[str]] = field(default_factory=dict)  # capture date -> keys


class ArchiveSpider(PostingSpider, info=SOURCE):
    """A PostingSpider by its metadata (name, politeness) only. Arguments: `months` (comma
    list of YYYY-MM), `archives` (commoncrawl,wayback), `ats`
    (families), `limit_per_month` (jobs per archive and month), `archive_base` (one mirror
    for every archive request), `progress` (0/1: one line per step on stderr)."""

    custom_settings: ClassVar[dict[str, Any]] = {
        "ITEM_PIPELINES": {
            "scrapers.sources.archive.landing.ArchiveValidationPipeline": 100,
            "scrapers.sources.archive.landing.ArchiveLandingPipeline": 900,
        },
        # Archived captures never change: an answer in the HTTP cache is served from it, so
        # a resumed or repeated backfill asks the archives only for what it has not seen.
        "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.DummyPolicy",
        # Range requests of one WARC file differ only by their Range header.
        "REQUEST_FINGERPRINTER_CLASS": "scrapers.sources.archive.landing.RangeFingerprinter",
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_SLOTS": POLITE_SLOTS,
    }

    def __init__(
        self,
        months: str | list[str] | None = None,
        archives: str | list[str] | None = None,
        ats: str | list[str] | None = None,
        limit_per_month: str | int | None = None,
        archive_base: str | None = None,
        progress: str | bool = False,
        **kwargs: Any,
    ) -> None:
        # Not PostingSpider's board bookkeeping: the units here are (archive, month).
        scrapy.Spider.__init__(self, **kwargs)
        self.months = split_arg(months) or []
        for month in self.months:
            cdx.parse_month(month)
        self.archives = split_arg(archives) or list(cdx.ARCHIVES)
        unknown = [a for a in self.archives if a not in cdx.ARCHIVES]
        if unknown:
            raise ValueError(f"unknown archive {unknown[0]!r}; choose from commoncrawl, wayback")
        self.families = tuple(split_arg(ats) or DEFAULT_FAMILIES)
        unknown = [a for a in self.families if a not in PATTERNS]
        if unknown:
            raise ValueError(f"unknown ATS {unknown[0]!r}; choose from {', '.join(ATS_FAMILIES)}")
        self.limit = int(limit_per_month) if limit_per_month not in (None, "", 0, "0") else None
        self.endpoints = Endpoints.for_base(archive_base)
        self.archive_base = archive_base
        self.show_progress = str(progress).lower() in ("1", "true", "yes")
        self.errors: Counter[str] = Counter()
        self.units: dict[tuple[str, str], _Unit] = {
            (a, m): _Unit(a, m) for a in self.archives for m in self.months
        }
        self.done: set[str] = set()

    # --- start -----------------------------------------------------------------------------
    async def start(self) -> Any:
        home = Path(self.settings.get("PROMPTJOBS_HOME") or ".promptjobs")
        self.done = landed_capture_keys(home / "landing")
        if self.done:
            self.say(f"resuming: {len(self.done)} capture(s) already landed are skipped")
        if "commoncrawl" in self.archives:
            yield Request(
                self.endpoints.cc_index.rstrip("/") + "/collinfo.json",
                callback=self.parse_collinfo,
                errback=self.collinfo_failed,
                dont_filter=True,
            )
        if "wayback" in self.archives:
            for month in self.months:
                unit = self.units[("wayback", month)]
                for ats in self.families:
                    for url in PATTERNS[ats].cdx_urls:
                        yield self._count_request(
                            unit, self.endpoints.wayback_cdx(), url, None, month
                        )

    def say(self, line: str) -> None:
        self.logger.info(line)
        if self.show_progress:
            print(f"  {line}", file=sys.stderr, flush=True)

    # --- listing ----------------------------------------------------------------------------
    def parse_collinfo(self, response: Response) -> Iterator[Any]:
        try:
            collinfo = response.json()
            for month in self.months:
                unit = self.units[("commoncrawl", month)]
                crawls = cdx.crawls_for_month(collinfo, month)
                for crawl in crawls:
                    endpoint = self.endpoints.cc_index_api(crawl["cdx-api"])
                    for ats in self.families:
                        for url in PATTERNS[ats].cdx_urls:
                            yield self._count_request(unit, endpoint, url, crawl["id"], month)
                if not crawls:
                    self.say(f"{month} commoncrawl: no crawl covers this month")
                    yield from self._finish_unit(unit)
        except (ValueError, ArchiveAnswerError) as exc:
            self.collinfo_failed(None, f"collinfo.json: {exc}")

    def collinfo_failed(self, failure: Failure | None, message: str | None = None) -> None:
        kind = "bad_collinfo" if failure is None else error_kind(failure)
        self.errors[kind] += 1
        self.logger.warning("commoncrawl: %s", message or failure.getErrorMessage())
        for unit in self.units.values():
            if unit.archive == "commoncrawl":
                unit.listing_failed = True

    def _count_request(
        self, unit: _Unit, endpoint: str, url: str, crawl: str | None, month: str
    ) -> Request:
        unit.listing_pending += 1
        params = cdx.cdx_params(unit.archive, url, month, num_pages=True)
        return Request(
            cdx.query_url(endpoint, params),
            callback=self.parse_count,
            errback=self.listing_failed,
            dont_filter=True,
            meta={
                "unit": (unit.archive, unit.month),
                "endpoint": endpoint,
                "cdx_url": url,
                "crawl": crawl,
                "handle_httpstatus_list": [400, 404],
            },
        )

    def parse_count(self, response: Response) -> Iterator[Any]:
        unit = self.units[response.meta["unit"]]
        try:
            pages = cdx.page_count(response.status, response.body)
        except ArchiveAnswerError as exc:
            yield from self._listing_error(unit, "bad_cdx", f"{response.url}: {exc}")
            return
        for page in range(pages):
            unit.listing_pending += 1
            params = cdx.cdx_params(unit.archive, response.meta["cdx_url"], unit.month, page=page)
            yield Request(
                cdx.query_url(response.meta["endpoint"], params),
                callback=self.parse_page,
                errback=self.listing_failed,
                dont_filter=True,
                meta={
                    k: response.meta[k]
                    for k in ("unit", "endpoint", "cdx_url", "crawl", "handle_httpstatus_list")
                }
                | {"page": page},
            )
        yield from self._listing_answered(unit)

    def parse_page(self, response: Response) -> Iterator[Any]:
        unit = self.units[response.meta["unit"]]
        try:
            rows = cdx.captures_of(response.status, response.body)
        except ArchiveAnswerError as exc:
            yield from self._listing_error(unit, "bad_cdx", f"{response.url}: {exc}")
            return
        for row in rows or []:
            cap = cdx.to_capture(
                unit.archive, unit.month, row, self.families, response.meta["crawl"]
            )
            if cap is not None:
                unit.listed.append(cap)
        yield from self._listing_answered(unit)

    def listing_failed(self, failure: Failure) -> Iterator[Any]:
        unit = self.units[failure.request.meta["unit"]]  # type: ignore[attr-defined]
        yield from self._listing_error(
            unit,
            error_kind(failure),
            f"{failure.request.url}: {failure.getErrorMessage()}",  # type: ignore[attr-defined]
        )

    def _listing_error(self, unit: _Unit, kind: str, message: str) -> Iterator[Any]:
        self.errors[kind] += 1
        unit.listing_failed = True
        self.logger.warning(
            "%s %s: listing failed: %s: %s", unit.month, unit.archive, kind, message
        )
        yield from self._listing_answered(unit)

    def _listing_answered(self, unit: _Unit) -> Iterator[Any]:
        unit.listing_pending -= 1
        if unit.listing_pending > 0:
            return
        if unit.listing_failed:
            # A partial listing would choose another sample of jobs; the unit is listed again
            # by the next run (the answers that did arrive come from the HTTP cache).
            self.say(f"{unit.month} {unit.archive}: index listing failed, run again to resume")
            yield from self._finish_unit(unit)
            return
        chosen = cdx.select_captures(unit.listed, self.limit, set())
        todo = [c for c in chosen if c.key not in self.done]
        unit.skipped_done = len(chosen) - len(todo)
        unit.chosen = len(todo)
        self.say(
            f"{unit.month} {unit.archive}: {len(unit.listed)} job-page capture(s) listed, "
            f"{len(chosen)} job(s) chosen, {len(todo)} to fetch"
        )
        if not todo:
            yield from self._finish_unit(unit)
            return
        for cap in todo:
            unit.fetch_pending += 1
            yield self._fetch_request(cap)

    # --- fetching -----------------------------------------------------------------------------
    def _fetch_request(self, cap: Capture) -> Request:
        meta = {"unit": (cap.archive, cap.month), "capture": cap}
        if cap.archive == "commoncrawl":
            end = (cap.offset or 0) + (cap.length or 0) - 1
            return Request(
                f"{self.endpoints.cc_data.rstrip('/')}/{cap.filename}",
                headers={"Range": f"bytes={cap.offset}-{end}"},
                callback=self.parse_capture,
                errback=self.capture_failed,
                dont_filter=True,
                meta=meta,
            )
        return Request(
            f"{self.endpoints.wayback.rstrip('/')}/web/{cap.timestamp}id_/{cap.url}",
            callback=self.parse_capture,
            errback=self.capture_failed,
            dont_filter=True,
            meta=meta,
        )

    def parse_capture(self, response: Response) -> Iterator[Any]:
        cap: Capture = response.meta["capture"]
        unit = self.units[response.meta["unit"]]
        try:
            if cap.archive == "commoncrawl":
                status, headers, body, _warc = warc_response(response.body)
            else:
                status, headers, body = response.status, {}, response.body
            charset = _charset(headers) or getattr(response, "encoding", None) or "utf-8"
            page = body.decode(charset, "replace") if status == 200 else ""
            items, how = postings_from_page(page, cap) if page else ([], "none")
        except WarcRecordError as exc:
            self.errors["bad_warc"] += 1
            self.logger.warning("%s: %s", response.url, exc)
            yield from self._capture_answered(unit, cap, ok=False)
            return
        except Exception as exc:  # one odd page must not stop the backfill
            self.errors["parse_error"] += 1
            self.logger.warning("%s: %r", cap.url, exc)
            items, how = [], "none"
        unit.found_by[how] += 1
        unit.items += len(items)
        yield from items
        yield from self._capture_answered(unit, cap, ok=True)

    def capture_failed(self, failure: Failure) -> Iterator[Any]:
        cap: Capture = failure.request.meta["capture"]  # type: ignore[attr-defined]
        unit = self.units[failure.request.meta["unit"]]  # type: ignore[attr-defined]
        kind = error_kind(failure)
        status = failure.value.response.status if isinstance(failure.value, HttpError) else None
        self.errors[kind] += 1
        self.logger.warning("%s: capture not fetched: %s", cap.url, kind)
        # An archive that answers 404 for a capture its index lists will not have it later
        # either: the capture is done (with no posting). Anything else is tried again.
        yield from self._capture_answered(unit, cap, ok=status in (404, 410))

    def _capture_answered(self, unit: _Unit, cap: Capture, *, ok: bool) -> Iterator[Any]:
        unit.fetch_pending -= 1
        if ok:
            unit.done_keys.setdefault(cap.capture_date, []).append(cap.key)
        else:
            unit.fetch_failed += 1
        fetched = unit.chosen - unit.fetch_pending
        if self.show_progress and (fetched % 25 == 0 or unit.fetch_pending == 0):
            self.say(f"{unit.month} {unit.archive}: fetched {fetched}/{unit.chosen}")
        if unit.fetch_pending == 0:
            yield from self._finish_unit(unit)

    def _finish_unit(self, unit: _Unit) -> Iterator[Any]:
        status = "failed" if unit.listing_failed else ("partial" if unit.fetch_failed else "ok")
        if unit.chosen or unit.skipped_done or status != "ok":
            found = ", ".join(f"{k} {v}" for k, v in sorted(unit.found_by.items())) or "-"
            self.say(
                f"{unit.month} {unit.archive}: {status}, {unit.items} posting(s) "
                f"(found by: {found})"
            )
        yield UnitDone((unit.archive, unit.month), unit.items, status)


def _charset(headers: dict[str, str]) -> str | None:
    for name, value in headers.items():
        if name.lower() == "content-type" and "charset=" in value.lower():
            charset = value.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"')
            try:
                "".encode(charset)
            except LookupError:
                return None
            return charset
    return None
