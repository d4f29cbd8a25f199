"""RemoteOK's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, iso_date_str, iso_from_epoch, make_range


def remoteok_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
    """RemoteOK's salary_min/max are annual USD; 0 means none. Figures below 1,000 are not
    annual salaries (stray hourly or thousands figures), so they are not structured pay."""
    lo, hi = job.get("salary_min") or 0, job.get("salary_max") or 0
    if not isinstance(lo, int | float) or not isinstance(hi, int | float):
        return []
    if max(lo, hi) < 1000:
        return []
    raw = f"{lo}-{hi} USD/year"
    return [r for r in [make_range(lo or None, hi or None, "USD", "year", raw)] if r]


def parse_remoteok_job(job: dict[str, Any], board: str, fetched_at: str) -> PostingItem:
    return build_posting(
        source="remoteok",
        board=board,
        source_id=job["id"],
        url=job.get("url") or job.get("apply_url"),
        company=job.get("company"),
        title=job.get("position"),
        location_raw=job.get("location") or None,
        remote_hint="remote",
        description_html=job.get("description"),
        posted_at=iso_date_str(job.get("date")) or iso_from_epoch(job.get("epoch")),
        fetched_at=fetched_at,
        compensation_ranges=remoteok_ranges(job),
        attribution_url=job.get("url"),
    )
