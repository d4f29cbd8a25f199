"""Greenhouse job-board API: `GET {api_base}/v1/boards/{board}/jobs?content=true&pay_transparency=true`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.greenhouse import SOURCE
from scrapers.sources.greenhouse.parse import parse_job


class GreenhouseSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        base = self.api_base
        if self.is_eu_board(board) and self.api_base == self.default_api_base():
            base = self.registry.api.get("greenhouse_eu", base).rstrip("/")
        url = f"{base}/v1/boards/{board}/jobs?content=true&pay_transparency=true"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check greenhouse`, offline):

        @fixture greenhouse_board.json
        @cb_kwargs {"board": "acme"}
        @returns items 3 3
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        data = self.expect(self.json_of(response), dict, "board")
        jobs = self.expect(data.get("jobs"), list, "jobs")
        company = self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(jobs, lambda job: parse_job(job, board, company, fetched))
