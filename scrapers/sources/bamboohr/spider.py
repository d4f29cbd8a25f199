"""BambooHR careers: `GET https://{board}.bamboohr.com/careers/list`, then one
`GET .../careers/{id}/detail` per opening (description, date, pay). Pay is free text
(`compensation`, e.g. "£50,000–£60,000 / OTE: £100,000"): appended to the text as a
`Compensation:` line for the extractor, never structured pay."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.bamboohr import SOURCE
from scrapers.sources.bamboohr.parse import (
    parse_bamboohr_opening,
)
from scrapers.sources.base import PostingSpider, SourceFormatError
from scrapers.sources.hosted import hosted_base


class BambooHrSpider(PostingSpider, info=SOURCE):
    def board_requests(self, board: str) -> Iterator[Request]:
        url = f"{hosted_base(self.api_base, board)}/careers/list"
        yield self.board_request(url, board, self.parse_list, root=True)

    def parse_list(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check bamboohr`, offline):

        @fixture bamboohr_list.json
        @cb_kwargs {"board": "woodland"}
        @returns items 0 0
        @returns requests 2 2
        """
        data = self.expect(self.json_of(response), dict, "careers list")
        rows = self.expect(data.get("result"), list, "result")
        base = hosted_base(self.api_base, board)
        for row in rows:
            if not isinstance(row, dict) or not row.get("id"):
                self.errors["bad_posting"] += 1
                continue
            yield self.board_request(
                f"{base}/careers/{row['id']}/detail", board, self.parse_detail, meta={"row": row}
            )

    def parse_detail(self, response: Response, board: str) -> Iterator[Any]:
        data = self.expect(self.json_of(response), dict, "careers detail")
        opening = (data.get("result") or {}).get("jobOpening")
        if not isinstance(opening, dict):
            raise SourceFormatError("bad_shape", "careers detail: no result.jobOpening")
        company = self.company_name(board)
        fetched = self.fetched_at()
        row = response.meta.get("row") or {}
        yield from self.each_posting(
            [opening], lambda o: parse_bamboohr_opening(o, row, board, company, fetched)
        )
