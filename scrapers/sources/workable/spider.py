"""Workable widget API: `GET {api_base}/api/v1/widget/accounts/{account}?details=true`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str
from scrapers.sources.base import PostingSpider
from scrapers.sources.workable import SOURCE


def _workable_location(job: dict[str, Any]) -> str | None:
    parts = [clean_str(job.get(k)) for k in ("city", "state", "country")]
    text = ", ".join(p for p in parts if p)
    if text:
        return text
    for loc in job.get("locations") or []:
        parts = [clean_str(loc.get(k)) for k in ("city", "region", "country")]
        if any(parts):
            return ", ".join(p for p in parts if p)
    return None


def parse_workable_job(
    job: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    return build_posting(
        source="workable",
        board=board,
        source_id=job["shortcode"],
        url=job.get("url") or job.get("shortlink") or job.get("application_url"),
        company=company,
        title=job.get("title"),
        location_raw=_workable_location(job),
        remote_hint="remote" if job.get("telecommuting") else None,
        description_html=job.get("description"),
        posted_at=iso_date_str(job.get("published_on") or job.get("created_at")),
        fetched_at=fetched_at,
        employment_type=job.get("employment_type"),
    )


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
