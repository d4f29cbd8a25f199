"""Lever's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from common.markup import html_to_text
from scrapers.items import (
    PostingItem,
    build_posting,
    clean_str,
    iso_from_millis,
    make_range,
)

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
