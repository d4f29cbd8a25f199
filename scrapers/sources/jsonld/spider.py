"""Generic schema.org `JobPosting` spider: from career-page URLs or sitemaps.

JSON-LD first (also inside `@graph` and arrays), microdata as a fallback. A career page that
has no posting itself is followed one level to its job links. The board is the site's host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response, TextResponse

from scrapers.sources.base import PostingSpider, SourceFormatError, split_arg
from scrapers.sources.jsonld import SOURCE
from scrapers.sources.jsonld.parse import board_of, extract_postings, parse_job_posting

_LOC = re.compile(rb"<loc>\s*([^<\s]+)\s*</loc>", re.I)
_JOB_LINK = re.compile(r"(?i)(job|career|position|opening|vacanc|role)")
MAX_FOLLOW = 500


class JsonLdSpider(PostingSpider, info=SOURCE):
    """Arguments: `urls` (comma list) of career pages or sitemaps."""

    # Career sites move between hosts (www., a careers subdomain, a hosted ATS page).
    follow_offsite_redirects = True

    def __init__(self, urls: str | list[str] | None = None, **kwargs: Any) -> None:
        start = split_arg(urls)
        super().__init__(**kwargs)
        self.start_urls_by_board: dict[str, list[str]] = {}
        for url in start if start is not None else self.options.get("urls", []):
            if not str(url).startswith(("http://", "https://")):
                self.errors["bad_url"] += 1
                self.logger.warning("jsonld: not an http(s) URL: %r", url)
                continue
            self.start_urls_by_board.setdefault(board_of(url), []).append(url)
        self.boards = list(self.start_urls_by_board)

    def board_requests(self, board: str) -> Iterator[Request]:
        for url in self.start_urls_by_board.get(board, []):
            yield self.board_request(url, board, self.parse_page, root=True, meta={"depth_": 0})

    def parse_page(self, response: Response, board: str) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            raise SourceFormatError(
                "not_html", f"binary answer ({response.headers.get('Content-Type')})"
            )
        head = response.body.lstrip()[:400].lower()
        if head.startswith(b"<?xml") or b"<urlset" in head or b"<sitemapindex" in head:
            yield from self._follow_sitemap(response, board)
            return
        postings, broken = extract_postings(response.text, response.url)
        self.errors["bad_jsonld"] += broken
        if not self.errors["bad_jsonld"]:
            del self.errors["bad_jsonld"]
        fetched = self.fetched_at()
        yield from self.each_posting(
            postings, lambda p: parse_job_posting(p, response.url, board, fetched)
        )
        if not postings and response.meta.get("depth_", 0) == 0:
            yield from self._follow_job_links(response, board)

    def _follow_sitemap(self, response: Response, board: str) -> Iterator[Request]:
        for raw in _LOC.findall(response.body)[:MAX_FOLLOW]:
            url = raw.decode("utf-8", "replace")
            # A nested sitemap may list job pages; a job page is not followed further.
            depth = 0 if url.lower().endswith((".xml", ".xml.gz")) else 1
            yield self.board_request(url, board, self.parse_page, meta={"depth_": depth})

    def _follow_job_links(self, response: Response, board: str) -> Iterator[Request]:
        host = urlsplit(response.url).netloc
        seen: set[str] = set()
        for href in response.css("a::attr(href)").getall():
            url = urljoin(response.url, href).split("#", 1)[0]
            if urlsplit(url).netloc != host or url in seen or url == response.url:
                continue
            if not _JOB_LINK.search(urlsplit(url).path):
                continue
            seen.add(url)
            if len(seen) > MAX_FOLLOW:
                break
            yield self.board_request(url, board, self.parse_page, meta={"depth_": 1})
