"""Personio public XML feed: `GET https://{board}.jobs.personio.de/xml?language=en` (every
published position with its description sections, one request). No structured pay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider, SourceFormatError
from scrapers.sources.hosted import hosted_base
from scrapers.sources.personio import SOURCE
from scrapers.sources.personio.parse import (
    parse_personio_feed,
    parse_personio_position,
)


class PersonioSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{hosted_base(self.api_base, board)}/xml?language=en"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check personio`, offline):

        @fixture personio_feed.xml
        @cb_kwargs {"board": "brezel"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        head = response.body.lstrip()[:200].lower()
        if head.startswith(b"<!doctype html") or b"<html" in head:
            raise SourceFormatError("not_xml", "expected the XML feed, got HTML")
        positions = parse_personio_feed(response.body)
        company = self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(
            positions, lambda p: parse_personio_position(p, board, company, fetched)
        )
