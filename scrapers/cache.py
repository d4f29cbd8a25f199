"""HTTP cache policies: record (always fetch, always store) and replay (see settings.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.extensions.httpcache import DummyPolicy

if TYPE_CHECKING:
    from scrapy.http import Request, Response


class RecordPolicy(DummyPolicy):
    """Never answer from the cache, but store every cacheable answer: a live crawl stays
    fresh and leaves behind a cache that `--replay` can serve offline later."""

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        return False

    def is_cached_response_valid(
        self, cachedresponse: Response, response: Response, request: Request
    ) -> bool:
        return False
