"""Greenhouse job-board API: `GET {api_base}/v1/boards/{board}/jobs?content=true&pay_transparency=true`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import PostingItem, build_posting, iso_date_str, make_range, unescape_html
from scrapers.spiders.base import PostingSpider


def greenhouse_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
    """One range per pay zone. Greenhouse gives cents and no interval: its pay ranges are
    annual salaries, except the hourly ones, which show as a max below 1,000 units."""
    ranges = []
    for zone in job.get("pay_input_ranges") or []:
        lo, hi = zone.get("min_cents"), zone.get("max_cents")
        lo_units = lo / 100 if isinstance(lo, int | float) else None
        hi_units = hi / 100 if isinstance(hi, int | float) else None
        top = hi_units if hi_units is not None else lo_units
        period = "hour" if top is not None and top < 1000 else "year"
        raw = zone.get("title") or None
        rng = make_range(lo_units, hi_units, zone.get("currency_type"), period, raw, raw)
        if rng:
            ranges.append(rng)
    return ranges


def parse_greenhouse_job(
    job: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    content_html = unescape_html(job.get("content"))
    return build_posting(
        source="greenhouse",
        board=board,
        source_id=job["id"],
        url=job.get("absolute_url"),
        company=job.get("company_name") or company,
        title=job.get("title"),
        location_raw=(job.get("location") or {}).get("name"),
        description_html=content_html,
        posted_at=iso_date_str(job.get("first_published")),
        updated_at=iso_date_str(job.get("updated_at")),
        fetched_at=fetched_at,
        compensation_ranges=greenhouse_ranges(job),
    )


class GreenhouseSpider(PostingSpider):
    name = "greenhouse"
    source = "greenhouse"
    custom_settings = {"DOWNLOAD_DELAY": 0.5}

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
        yield from self.each_posting(
            jobs, lambda job: parse_greenhouse_job(job, board, company, fetched)
        )
