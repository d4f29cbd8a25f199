"""Ashby posting API: `GET {api_base}/posting-api/job-board/{board}?includeCompensation=true`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.ashby import SOURCE
from scrapers.sources.ashby.parse import parse_ashby_job
from scrapers.sources.base import PostingSpider


class AshbySpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{self.api_base}/posting-api/job-board/{board}?includeCompensation=true"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check ashby`, offline):

        @fixture ashby_board.json
        @cb_kwargs {"board": "promptly"}
        @returns items 1 1
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        data = self.expect(self.json_of(response), dict, "job board")
        jobs = self.expect(data.get("jobs"), list, "jobs")
        company = self.company_name(board)
        fetched = self.fetched_at()
        listed = [j for j in jobs if isinstance(j, dict) and j.get("isListed", True) is not False]
        yield from self.each_posting(listed, lambda j: parse_ashby_job(j, board, company, fetched))
