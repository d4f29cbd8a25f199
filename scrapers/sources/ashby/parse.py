"""Ashby's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, iso_date_str, make_range

_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}
# Base pay only: never equity, commission or bonus components.
_BASE_PAY_TYPES = {"salary", "hourly"}


def _salary_ranges(components: list[dict[str, Any]], label: str | None, raw: str | None) -> list:
    out = []
    for comp in components or []:
        if str(comp.get("compensationType") or "").lower() not in _BASE_PAY_TYPES:
            continue
        rng = make_range(
            comp.get("minValue"),
            comp.get("maxValue"),
            comp.get("currencyCode"),
            comp.get("interval"),
            comp.get("summary") or raw,
            label,
        )
        if rng:
            out.append(rng)
    return out


def ashby_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
    """One range per compensation tier (zone); the summary components when there are no tiers."""
    comp = job.get("compensation") or {}
    ranges: list[dict[str, Any]] = []
    for tier in comp.get("compensationTiers") or []:
        ranges += _salary_ranges(
            tier.get("components") or [], tier.get("title"), tier.get("tierSummary")
        )
    if not ranges:
        ranges = _salary_ranges(
            comp.get("summaryComponents") or [],
            None,
            comp.get("scrapeableCompensationSalarySummary") or comp.get("compensationTierSummary"),
        )
    return ranges


def parse_ashby_job(job: dict[str, Any], board: str, company: str, fetched_at: str) -> PostingItem:
    workplace = str(job.get("workplaceType") or "").lower().replace("-", "").replace("_", "")
    remote_hint = _WORKPLACE.get(workplace) or ("remote" if job.get("isRemote") else None)
    return build_posting(
        source="ashby",
        board=board,
        source_id=job["id"],
        url=job.get("jobUrl") or job.get("applyUrl"),
        company=company,
        title=job.get("title"),
        location_raw=job.get("location"),
        remote_hint=remote_hint,
        description_html=job.get("descriptionHtml"),
        description_text=job.get("descriptionPlain"),
        posted_at=iso_date_str(job.get("publishedAt")),
        fetched_at=fetched_at,
        employment_type=job.get("employmentType"),
        compensation_ranges=ashby_ranges(job),
    )
