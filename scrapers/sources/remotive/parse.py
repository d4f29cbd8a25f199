"""Remotive's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from common.markup import html_to_text
from scrapers.items import PostingItem, build_posting, iso_date_str


def parse_remotive_job(job: dict[str, Any], board: str, fetched_at: str) -> PostingItem:
    text = html_to_text(job.get("description"))
    if job.get("salary"):
        # Remotive's pay is free text; the extractor reads it from the description.
        text = f"{text}\n\nSalary: {job['salary']}".strip()
    return build_posting(
        source="remotive",
        board=board,
        source_id=job["id"],
        url=job.get("url"),
        company=job.get("company_name"),
        title=job.get("title"),
        location_raw=job.get("candidate_required_location"),
        remote_hint="remote",
        description_html=job.get("description"),
        description_text=text,
        posted_at=iso_date_str(job.get("publication_date")),
        fetched_at=fetched_at,
        employment_type=job.get("job_type"),
        attribution_url=job.get("url"),
    )
