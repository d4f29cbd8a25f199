"""Greenhouse's wire format -> posting items (pure functions, no Scrapy request or network).

`GET /v1/boards/{board}/jobs?content=true&pay_transparency=true` answers `{"jobs": [...]}`;
each job's `content` is HTML escaped once more, its pay is `pay_input_ranges` in cents."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, iso_date_str, make_range, unescape_html


def pay_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
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


def parse_job(job: dict[str, Any], board: str, company: str, fetched_at: str) -> PostingItem:
    """One job of a board answer; `company` is the registry's name, used when the job has no
    `company_name`."""
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
        compensation_ranges=pay_ranges(job),
    )
