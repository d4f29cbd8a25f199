"""SmartRecruiters posting API: a paged list
`GET {api_base}/v1/companies/{company}/postings?limit=100&offset=N`, then one detail request
`GET {api_base}/v1/companies/{company}/postings/{id}` per posting (description and pay)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.smartrecruiters import SOURCE
from scrapers.sources.smartrecruiters.parse import parse_smartrecruiters_detail

PAGE_SIZE = 100


class SmartRecruitersSpider(PostingSpider, info=SOURCE):
    def _list_url(self, board: str, offset: int) -> str:
        return f"{self.api_base}/v1/companies/{board}/postings?limit={PAGE_SIZE}&offset={offset}"

    def board_requests(self, board: str) -> Iterator[Request]:
        yield self.board_request(
            self._list_url(board, 0), board, self.parse_list, root=True, meta={"offset": 0}
        )

    def parse_list(self, response: Response, board: str) -> Iterator[Any]:
        data = self.expect(self.json_of(response), dict, "postings page")
        content = self.expect(data.get("content"), list, "content")
        offset = int(response.meta.get("offset", 0))
        total = int(data.get("totalFound") or 0)
        if offset == 0 and total == 0 and not content:
            # SmartRecruiters answers 200 with nothing for an unknown company: treat it as not
            # found, so a typo never closes every posting of a real board in the warehouse.
            self.errors["board_not_found"] += 1
            self.logger.warning("smartrecruiters board %r has no postings (not found?)", board)
            self.not_found.append(board)
            return
        for row in content:
            if isinstance(row, dict) and row.get("id"):
                url = f"{self.api_base}/v1/companies/{board}/postings/{row['id']}"
                yield self.board_request(url, board, self.parse_detail)
        next_offset = offset + len(content)
        if content and next_offset < total:
            yield self.board_request(
                self._list_url(board, next_offset),
                board,
                self.parse_list,
                meta={"offset": next_offset},
            )

    def parse_detail(self, response: Response, board: str) -> Iterator[Any]:
        detail = self.expect(self.json_of(response), dict, "posting")
        fetched = self.fetched_at()
        yield from self.each_posting(
            [detail], lambda d: parse_smartrecruiters_detail(d, board, fetched)
        )
