"""The two CDX APIs, as plain functions: which Common Crawl crawls cover a month, the query of
one index page, what an answer means, and which captures of a month are worth fetching.

The answers are decoded by cdx-toolkit (`cdx_to_captures`, `showNumPages`, `munge_filter`),
which irons out the differences between pywb (Common Crawl: NDJSON, a 404 JSON body for "no
captures", a 400 past the last page) and the Wayback CDX server (a JSON array whose first row
is the header; an empty body past the last page). Paging is cdx-toolkit's: ask
`showNumPages`, then page 0, 1, ... until a 400 or an empty page. The requests themselves are
made by Scrapy (project User-Agent, HTTP cache, per-archive rate limits, 503 backoff)."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import cdx_toolkit
from cdx_toolkit.compat import munge_filter

from scrapers.sources.archive.patterns import ATS_FAMILIES, JobPage, job_page

ARCHIVES: tuple[str, ...] = ("commoncrawl", "wayback")
CC_INDEX = "https://index.commoncrawl.org"
CC_DATA = "https://data.commoncrawl.org"
WAYBACK = "https://web.archive.org"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class ArchiveAnswerError(ValueError):
    """An archive answer that is not in its API's format."""


@dataclass(frozen=True)
class Endpoints:
    """Where each archive is asked. `--archive-base URL` points all of them at one mirror or
    loopback replay server, which serves the same paths."""

    cc_index: str = CC_INDEX
    cc_data: str = CC_DATA
    wayback: str = WAYBACK

    @classmethod
    def for_base(cls, base: str | None) -> Endpoints:
        if not base:
            return cls()
        base = base.rstrip("/")
        return cls(cc_index=base, cc_data=base, wayback=base)

    def cc_index_api(self, cdx_api: str) -> str:
        """A crawl's `cdx-api` from collinfo.json, on our index host (a mirror's collinfo
        still names index.commoncrawl.org)."""
        return self.cc_index.rstrip("/") + urlsplit(cdx_api).path

    def wayback_cdx(self) -> str:
        return self.wayback.rstrip("/") + "/cdx/search/cdx"


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a month: use YYYY-MM, e.g. 2024-03")
    return int(match[1]), int(match[2])


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included."""
    y, m = parse_month(first)
    y_end, m_end = parse_month(last)
    if (y, m) > (y_end, m_end):
        raise ValueError(f"--from {first} is after --to {last}")
    out = []
    while (y, m) <= (y_end, m_end):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_bounds(month: str) -> tuple[str, str]:
    """14-digit CDX timestamps of the first and last second of a month."""
    y, m = parse_month(month)
    last_day = calendar.monthrange(y, m)[1]
    return f"{y:04d}{m:02d}01000000", f"{y:04d}{m:02d}{last_day:02d}235959"


def crawls_for_month(collinfo: Any, month: str) -> list[dict[str, str]]:
    """The Common Crawl crawls (collinfo.json entries) whose capture period overlaps `month`,
    oldest first. A crawl that spans two months (April 17 - May 1) is asked for both, each
    time only for the captures inside the month."""
    if not isinstance(collinfo, list):
        raise ArchiveAnswerError("collinfo.json: expected a JSON array of crawls")
    start, end = month_bounds(month)
    lo = datetime.strptime(start, "%Y%m%d%H%M%S")
    hi = datetime.strptime(end, "%Y%m%d%H%M%S")
    found = []
    for crawl in collinfo:
        if not isinstance(crawl, dict) or "cdx-api" not in crawl or "id" not in crawl:
            continue
        try:
            c_from = datetime.fromisoformat(str(crawl["from"]))
            c_to = datetime.fromisoformat(str(crawl["to"]))
        except (KeyError, ValueError):
            continue
        c_from, c_to = c_from.replace(tzinfo=None), c_to.replace(tzinfo=None)
        if c_from <= hi and c_to >= lo:
            found.append(crawl)
    return sorted(found, key=lambda c: str(c["from"]))


def cdx_params(
    archive: str, url: str, month: str, *, page: int | None = None, num_pages: bool = False
) -> dict[str, Any]:
    """The query of one index page (or of its page count) for captures of `url` in `month`
    that answered 200 (the filter spelled the way each server wants it)."""
    start, end = month_bounds(month)
    params: dict[str, Any] = {"url": url, "from": start, "to": end}
    if num_pages:
        params["showNumPages"] = "true"
        return params
    params["output"] = "json"
    source = "ia" if archive == "wayback" else "cc"
    params["filter"] = munge_filter(["status:200"], source)
    if page is not None:
        params["page"] = page
    return params


def query_url(endpoint: str, params: dict[str, Any]) -> str:
    return endpoint + "?" + urlencode(params, doseq=True)


class _Answer:
    """The two attributes of a `requests` response that cdx-toolkit's decoders read."""

    def __init__(self, status: int, body: bytes) -> None:
        self.status_code = status
        self.text = body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.text)


def page_count(status: int, body: bytes) -> int:
    """Pages of a `showNumPages` answer: pywb's `{"pages": n, ...}`, the Wayback server's bare
    number; a 404 ("no captures") is zero pages."""
    if status == 404:
        return 0
    if status != 200:
        raise ArchiveAnswerError(f"showNumPages answered HTTP {status}")
    try:
        answer = json.loads(body.decode("utf-8", "replace") or "0")
    except ValueError as exc:
        raise ArchiveAnswerError(f"showNumPages: not JSON: {body[:60]!r}") from exc
    if isinstance(answer, dict):
        return int(answer.get("pages", answer.get("blocks", 0)) or 0)
    try:
        return int(cdx_toolkit.showNumPages(_Answer(status, body)))
    except (TypeError, ValueError) as exc:
        raise ArchiveAnswerError(f"showNumPages: {exc}") from exc


def captures_of(status: int, body: bytes) -> list[dict[str, str]] | None:
    """The captures of one index page; [] for "no captures"; None past the last page (pywb's
    400 "Page N invalid", the Wayback server's empty body)."""
    if status == 400 or (status == 200 and not body.strip()):
        return None
    if status not in (200, 404):
        raise ArchiveAnswerError(f"CDX page answered HTTP {status}")
    try:
        found = cdx_toolkit.cdx_to_captures(_Answer(status, body))
    except ValueError as exc:
        raise ArchiveAnswerError(f"CDX page: {exc}") from exc
    return [dict(c.data) for c in found]


@dataclass(frozen=True)
class Capture:
    """One archived copy of one job page."""

    archive: str
    month: str
    url: str
    timestamp: str  # 14 digits, UTC
    digest: str
    job: JobPage
    filename: str | None = None  # Common Crawl: the WARC file, with offset and length
    offset: int | None = None
    length: int | None = None
    crawl: str | None = None

    @property
    def key(self) -> str:
        """What a resumed backfill skips: the archive's content digest and its capture time
        (the digest alone repeats when an unchanged page is captured again a month later,
        and that later capture is the evidence that the job was still open)."""
        return f"{self.archive}:{self.digest}:{self.timestamp}"

    @property
    def captured_at(self) -> str:
        return datetime.strptime(self.timestamp[:14], "%Y%m%d%H%M%S").strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def capture_date(self) -> str:
        return f"{self.timestamp[0:4]}-{self.timestamp[4:6]}-{self.timestamp[6:8]}"

    def record_id(self) -> str:
        """Where the archive keeps this copy: a WARC file and byte range, or a Wayback URL."""
        if self.filename is not None:
            end = (self.offset or 0) + (self.length or 0) - 1
            return f"{self.filename}#bytes={self.offset}-{end}"
        return f"{WAYBACK}/web/{self.timestamp}id_/{self.url}"

    def raw(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "archive": self.archive,
            "record_id": self.record_id(),
            "capture_key": self.key,
            "digest": self.digest,
            "timestamp": self.timestamp,
            "captured_url": self.url,
            "ats": self.job.ats,
            "board": self.job.board,
            "job_id": self.job.job_id,
        }
        if self.crawl:
            out["crawl"] = self.crawl
        return out


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def to_capture(
    archive: str, month: str, row: dict[str, str], families: tuple[str, ...], crawl: str | None
) -> Capture | None:
    """A CDX row as a Capture of a job page, or None (another page, not a 200, not HTML,
    a row without a digest or time, a Common Crawl row without its WARC location)."""
    url, timestamp, digest = row.get("url"), row.get("timestamp"), row.get("digest")
    if not url or not digest or not timestamp or not re.fullmatch(r"\d{14}", timestamp[:14]):
        return None
    if str(row.get("status", "200")) != "200":
        return None
    mime = str(row.get("mime") or row.get("mime-detected") or "text/html")
    if "html" not in mime:
        return None
    if not timestamp.startswith(month.replace("-", "")):
        return None
    job = job_page(url, families)
    if job is None:
        return None
    if archive == "commoncrawl":
        offset, length = _int(row.get("offset")), _int(row.get("length"))
        filename = row.get("filename")
        if not filename or offset is None or not length or "/warc/" not in filename:
            return None
        return Capture(
            archive, month, url, timestamp[:14], digest, job, filename, offset, length, crawl
        )
    return Capture(archive, month, url, timestamp[:14], digest, job, crawl=crawl)


def _sample_rank(capture: Capture) -> str:
    # A fixed hash of the job, not of the capture: a limited backfill follows the same jobs
    # from month to month (a history), and no board is favoured by its name's place in the
    # alphabet (CDX pages are sorted by URL).
    return hashlib.sha1(f"{capture.job.ats}:{capture.job.job_id}".encode()).hexdigest()


def select_captures(captures: list[Capture], limit: int | None, done: set[str]) -> list[Capture]:
    """One capture per job per archive and month (its first), at most `limit` jobs (a fixed
    sample of jobs, the same every month), leaving out captures already landed."""
    first: dict[tuple[str, str, str], Capture] = {}
    for cap in captures:
        k = (cap.archive, cap.job.ats, cap.job.job_id)
        if k not in first or cap.timestamp < first[k].timestamp:
            first[k] = cap
    chosen = sorted(first.values(), key=_sample_rank)
    if limit is not None:
        chosen = chosen[:limit]
    return [c for c in chosen if c.key not in done]


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["ARCHIVES", "ATS_FAMILIES"]
