"""Breezy HR: `GET https://{board}.breezy.hr/json` (every published position, one request).
Pay is free text (`salary`, "$90k - $120k / year"): it is appended to the text as a
`Salary:` line for the extractor, never turned into structured pay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.breezy import SOURCE
from scrapers.sources.breezy.parse import (
    parse_breezy_position,
)
from scrapers.sources.hosted import hosted_base


class BreezySpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{hosted_base(self.api_base, board)}/json"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check breezy`, offline):

        @fixture breezy_positions.json
        @cb_kwargs {"board": "caribougames"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        jobs = self.expect(self.json_of(response), list, "positions")
        company = self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(
            [j for j in jobs if isinstance(j, dict)],
            lambda j: parse_breezy_position(j, board, company, fetched),
        )
