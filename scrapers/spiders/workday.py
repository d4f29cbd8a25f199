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

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.spiders.base import PostingSpider, SourceFormatError

PAGE_SIZE = 20  # Workday's own page size; larger limits are refused
# Workday stops paging at 2,000 results however many there are.
MAX_OFFSET = 2000
_BOARD = re.compile(r"^([a-z0-9-]+)\.(wd\d{1,3})\.([A-Za-z0-9][A-Za-z0-9_-]*)$")
_REMOTE = {"remote": "remote", "flex": "hybrid", "hybrid": "hybrid", "onsite": "onsite"}


def split_board(board: str) -> tuple[str, str, str]:
    """`gdit.wd5.External_Career_Site` -> (`gdit`, `wd5`, `External_Career_Site`)."""
    match = _BOARD.match(board)
    if not match:
        raise ValueError(f"a Workday board is tenant.wdN.site, not {board!r}")
    return match.group(1), match.group(2), match.group(3)


def workday_remote(value: Any) -> str | None:
    key = re.sub(r"[^a-z]", "", str(value or "").lower())
    return _REMOTE.get(key)


def parse_workday_job(
    detail: dict[str, Any], listed: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    """One posting from its detail answer and its row of the list."""
    info = detail.get("jobPostingInfo")
    if not isinstance(info, dict):
        raise SourceFormatError("bad_shape", "job detail: no jobPostingInfo")
    tenant, dc, site = split_board(board)
    places = [info.get("location"), *(info.get("additionalLocations") or [])]
    location = "; ".join(p for p in dict.fromkeys(clean_str(x) for x in places) if p)
    path = listed.get("externalPath") or ""
    url = info.get("externalUrl") or f"https://{tenant}.{dc}.myworkdayjobs.com/{site}{path}"
    return build_posting(
        source="workday",
        board=board,
        source_id=info.get("id") or info.get("jobReqId") or path,
        url=url,
        company=(detail.get("hiringOrganization") or {}).get("name") or company,
        title=info.get("title") or listed.get("title"),
        location_raw=location or clean_str(listed.get("locationsText")),
        remote_hint=workday_remote(info.get("remoteType") or listed.get("remoteType")),
        description_html=info.get("jobDescription"),
        posted_at=iso_date_str(info.get("startDate")),
        fetched_at=fetched_at,
        employment_type=info.get("timeType"),
    )


class WorkdaySpider(PostingSpider):
    name = "workday"
    source = "workday"
    # One host per tenant, but each posting costs a request: keep a tenant's load light.
    custom_settings = {"DOWNLOAD_DELAY": 0.5}

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
