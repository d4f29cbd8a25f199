"""Lever postings API: `GET {api_base}/v0/postings/{site}?mode=json` (EU sites on a second host)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import (
    PostingItem,
    build_posting,
    clean_str,
    html_to_text,
    iso_from_millis,
    make_range,
)
from scrapers.sources.base import PostingSpider
from scrapers.sources.lever import SOURCE

_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite"}


def parse_lever_posting(
    posting: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    categories = posting.get("categories") or {}
    html_parts = [posting.get("description") or ""]
    text_parts = [posting.get("descriptionPlain") or html_to_text(posting.get("description"))]
    for block in posting.get("lists") or []:
        heading = clean_str(block.get("text")) or ""
        content = block.get("content") or ""
        html_parts.append(f"<h3>{heading}</h3><ul>{content}</ul>")
        text_parts.append(f"{heading}\n{html_to_text('<ul>' + content + '</ul>')}")
    if posting.get("additional") or posting.get("additionalPlain"):
        html_parts.append(posting.get("additional") or "")
        text_parts.append(posting.get("additionalPlain") or html_to_text(posting.get("additional")))
    ranges = []
    salary = posting.get("salaryRange")
    if isinstance(salary, dict):
        rng = make_range(
            salary.get("min"),
            salary.get("max"),
            salary.get("currency"),
            salary.get("interval"),
            posting.get("salaryDescriptionPlain") or salary.get("interval"),
        )
        if rng:
            ranges.append(rng)
    return build_posting(
        source="lever",
        board=board,
        source_id=posting["id"],
        url=posting.get("hostedUrl"),
        company=company,
        title=posting.get("text"),
        location_raw=categories.get("location"),
        remote_hint=_WORKPLACE.get(str(posting.get("workplaceType") or "").lower()),
        description_html="\n".join(p for p in html_parts if p) or None,
        description_text="\n\n".join(t.strip() for t in text_parts if t and t.strip()),
        posted_at=iso_from_millis(posting.get("createdAt")),
        fetched_at=fetched_at,
        employment_type=categories.get("commitment"),
        compensation_ranges=ranges,
    )


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
