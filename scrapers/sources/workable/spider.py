"""Workable widget API: `GET {api_base}/api/v1/widget/accounts/{account}?details=true`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import clean_str
from scrapers.sources.base import PostingSpider
from scrapers.sources.workable import SOURCE
from scrapers.sources.workable.parse import parse_workable_job


class WorkableSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{self.api_base}/api/v1/widget/accounts/{board}?details=true"
        yield self.board_request(url, board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check workable`, offline):

        @fixture workable_account.json
        @cb_kwargs {"board": "babelvoice"}
        @returns items 1 1
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        data = self.expect(self.json_of(response), dict, "account")
        jobs = self.expect(data.get("jobs"), list, "jobs")
        company = clean_str(data.get("name")) or self.company_name(board)
        fetched = self.fetched_at()
        yield from self.each_posting(jobs, lambda j: parse_workable_job(j, board, company, fetched))
