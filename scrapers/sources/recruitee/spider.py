"""Recruitee careers API: `GET https://{board}.recruitee.com/api/offers/` (every published
offer, one request). Pay is structured (`salary`: min/max as strings, period, currency)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.hosted import hosted_base
from scrapers.sources.recruitee import SOURCE
from scrapers.sources.recruitee.parse import (
    parse_recruitee_offer,
)


class RecruiteeSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{hosted_base(self.api_base, board)}/api/offers/"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check recruitee`, offline):

        @fixture recruitee_offers.json
        @cb_kwargs {"board": "parfait"}
        @returns items 4 4
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        data = self.expect(self.json_of(response), dict, "offers")
        offers = self.expect(data.get("offers"), list, "offers")
        company = self.company_name(board)
        fetched = self.fetched_at()
        published = [
            o for o in offers if isinstance(o, dict) and o.get("status", "published") == "published"
        ]
        yield from self.each_posting(
            published, lambda o: parse_recruitee_offer(o, board, company, fetched)
        )
