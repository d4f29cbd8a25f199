"""Workday CXS (the JSON API behind every `myworkdayjobs.com` career site):
`POST https://{tenant}.{dc}.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs` with
`{"limit": 20, "offset": N}`, page after page, then one
`GET .../wday/cxs/{tenant}/{site}{externalPath}` per posting for its description.

A Workday board is named `tenant.dc.site` (`gdit.wd5.External_Career_Site`), the way board
discovery writes it. Pay is in the description text only ("Base Pay Range: $151,500 USD -
$227,300 USD"), so the extractor reads it there."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.workday import SOURCE
from scrapers.sources.workday.parse import (
    MAX_OFFSET,
    PAGE_SIZE,
    parse_workday_job,
    split_board,
)


class WorkdaySpider(PostingSpider, info=SOURCE):
    def company_name(self, board: str) -> str:
        """The registry's name, else the tenant made readable (the detail's
        hiringOrganization usually names the employer anyway)."""
        known = self.registry.company_for(self.source, board)
        if known:
            return known
        tenant = board.split(".", 1)[0]
        return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_]+", tenant) if w)

    def base_for(self, board: str) -> str:
        tenant, dc, _site = split_board(board)
        if "{tenant}" in self.api_base:
            return self.api_base.replace("{tenant}", tenant).replace("{dc}", dc).rstrip("/")
        return self.api_base  # a mirror: the CXS path names the tenant and site already

    def cxs_url(self, board: str, tail: str) -> str:
        tenant, _dc, site = split_board(board)
        return f"{self.base_for(board)}/wday/cxs/{tenant}/{site}{tail}"

    def page_request(self, board: str, offset: int) -> Request:
        body = {"appliedFacets": {}, "limit": PAGE_SIZE, "offset": offset, "searchText": ""}
        return self.board_request(
            self.cxs_url(board, "/jobs"),
            board,
            self.parse_page,
            root=offset == 0,
            meta={"offset": offset},
            method="POST",
            body=json.dumps(body),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )

    def board_requests(self, board: str) -> Iterator[Request]:
        try:
            split_board(board)
        except ValueError as exc:
            self.logger.warning("%s", exc)
            self.errors["invalid_board_token"] += 1
            self.not_found.append(board)
            return
        yield self.page_request(board, 0)

    def parse_page(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check workday`, offline):

        @fixture workday_jobs.json
        @cb_kwargs {"board": "orbitbank.wd5.Orbit_Careers"}
        @returns items 0 0
        @returns requests 2 2
        """
        data = self.expect(self.json_of(response), dict, "jobs page")
        postings = self.expect(data.get("jobPostings"), list, "jobPostings")
        offset = int(response.meta.get("offset") or 0)
        if offset == 0:
            # Only the first page carries the real total (later pages say 0).
            total = data.get("total")
            total = int(total) if isinstance(total, int | float) else len(postings)
            for next_offset in range(PAGE_SIZE, min(total, MAX_OFFSET), PAGE_SIZE):
                yield self.page_request(board, next_offset)
        for row in postings:
            path = row.get("externalPath") if isinstance(row, dict) else None
            if not path or not str(path).startswith("/"):
                self.errors["bad_posting"] += 1
                continue
            yield self.board_request(
                self.cxs_url(board, str(path)),
                board,
                self.parse_detail,
                meta={"row": row},
                headers={"Accept": "application/json"},
            )

    def parse_detail(self, response: Response, board: str) -> Iterator[Any]:
        detail = self.expect(self.json_of(response), dict, "job detail")
        company = self.company_name(board)
        fetched = self.fetched_at()
        row = response.meta.get("row") or {}
        yield from self.each_posting(
            [detail], lambda d: parse_workday_job(d, row, board, company, fetched)
        )
