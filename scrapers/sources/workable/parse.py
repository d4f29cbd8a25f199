"""Workable's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str


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
