"""SmartRecruiters posting API: a paged list
`GET {api_base}/v1/companies/{company}/postings?limit=100&offset=N`, then one detail request
`GET {api_base}/v1/companies/{company}/postings/{id}` per posting (description and pay)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str, make_range
from scrapers.sources.base import PostingSpider
from scrapers.sources.smartrecruiters import SOURCE

PAGE_SIZE = 100
_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def parse_smartrecruiters_detail(
    detail: dict[str, Any], board: str, fetched_at: str
) -> PostingItem:
    sections = ((detail.get("jobAd") or {}).get("sections")) or {}
    html_parts = []
    for key in _SECTIONS:
        section = sections.get(key) or {}
        if section.get("text"):
            title = clean_str(section.get("title")) or ""
            html_parts.append(f"<h3>{title}</h3>\n{section['text']}" if title else section["text"])
    location = detail.get("location") or {}
    if location.get("remote"):
        remote_hint = "remote"
    elif location.get("hybrid"):
        remote_hint = "hybrid"
    elif location:
        remote_hint = "onsite"
    else:
        remote_hint = None
    location_raw = location.get("fullLocation") or ", ".join(
        p for p in (location.get("city"), location.get("region"), location.get("country")) if p
    )
    comp = detail.get("compensation")
    ranges = []
    if isinstance(comp, dict):
        rng = make_range(
            comp.get("min"), comp.get("max"), comp.get("currency"), comp.get("period"), None
        )
        if rng:
            rng["raw"] = (
                f"{comp.get('min')}-{comp.get('max')} {comp.get('currency')} {comp.get('period')}"
            )
            ranges.append(rng)
    company = (detail.get("company") or {}).get("name") or board
    return build_posting(
        source="smartrecruiters",
        board=board,
        source_id=detail["id"],
        url=detail.get("postingUrl") or f"https://jobs.smartrecruiters.com/{board}/{detail['id']}",
        company=company,
        title=detail.get("name"),
        location_raw=location_raw or None,
        remote_hint=remote_hint,
        description_html="\n".join(html_parts) or None,
        posted_at=iso_date_str(detail.get("releasedDate")),
        fetched_at=fetched_at,
        employment_type=(detail.get("typeOfEmployment") or {}).get("label"),
        compensation_ranges=ranges,
    )


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
