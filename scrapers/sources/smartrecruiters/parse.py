"""SmartRecruiters' wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str, make_range

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
