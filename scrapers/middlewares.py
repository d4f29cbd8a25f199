"""Downloader middlewares: retries with exponential backoff that honour `Retry-After`; no
redirects to other hosts for API spiders."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.settings import BaseSettings


def parse_retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class PoliteRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, plus a wait before each retry.

    The wait is the server's `Retry-After` on 429/503 when it gives one, otherwise
    `RETRY_BACKOFF_BASE * 2**attempt` (with jitter, capped by `RETRY_BACKOFF_MAX`). A
    `Retry-After` longer than `RETRY_AFTER_MAX` means "not today": we give up on the request
    instead of holding the crawl for it. The wait is asynchronous: other requests go on.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 30.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PoliteRetryMiddleware:
        mw = cls(crawler.settings)
        mw.crawler = crawler
        return mw

    def _backoff(self, request: Request) -> float:
        attempt = int(request.meta.get("retry_times", 0))
        delay = min(self.backoff_max, self.backoff_base * (2**attempt))
        return delay * random.uniform(0.75, 1.25)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = self._backoff(request)
        if response.status in (429, 503):
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                if retry_after > self.retry_after_max:
                    self.crawler.stats.inc_value("retry/retry_after_too_long")
                    return response
                delay = retry_after
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if delay > 0:
            await sleep(delay)
        return retry

    async def process_exception(
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get(
            "dont_retry", False
        ):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            return None
        delay = self._backoff(request)
        if delay > 0:
            await sleep(delay)
        return retry


class OffsiteRedirect(IgnoreRequest):
    """A redirect to another host, refused for an API spider."""


class OffsiteRedirectMiddleware:
    """Refuses redirects that leave the host of the request, for spiders whose
    `follow_offsite_redirects` is false (every API spider; the schema.org career-page spider
    follows them). An API answer that moves to another host is not the API we were asked to
    read, and following it would send our requests wherever a compromised or spoofed board
    points. Sits before Scrapy's RedirectMiddleware (a higher number sees responses first);
    the request's errback gets an `OffsiteRedirect`, counted as `offsite_redirect`."""

    REDIRECT_CODES = (301, 302, 303, 307, 308)

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.REDIRECT_CODES or b"Location" not in response.headers:
            return response
        if getattr(self.crawler.spider, "follow_offsite_redirects", True):
            return response
        location = response.headers[b"Location"].decode("latin-1")
        target = urlsplit(urljoin(request.url, location)).hostname
        source = urlsplit(request.url).hostname
        if target != source:
            self.crawler.stats.inc_value("offsite_redirect/refused")
            raise OffsiteRedirect(f"refused redirect from {source} to another host: {target}")
        return response
