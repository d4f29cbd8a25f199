"""Lever postings API: `GET {api_base}/v0/postings/{site}?mode=json` (EU sites on a second host)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.lever import SOURCE
from scrapers.sources.lever.parse import parse_lever_posting


class LeverSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        base = self.api_base
        if self.is_eu_board(board) and self.api_base == self.default_api_base():
            base = self.registry.api.get("lever_eu", base).rstrip("/")
        url = f"{base}/v0/postings/{board}?mode=json"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check lever`, offline):

        @fixture lever_postings.json
        @cb_kwargs {"board": "fjord"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        postings = self.expect(self.json_of(response), list, "postings")
        company = self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(
            postings, lambda p: parse_lever_posting(p, board, company, fetched)
        )
