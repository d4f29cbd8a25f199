"""Ashby's wire format -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

import re
from typing import Any

from scrapers.items import PostingItem, build_posting, iso_date_str, make_range

_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}
# Base pay only: never equity, commission or bonus components.
_BASE_PAY_TYPES = {"salary", "hourly"}


# On-target earnings (base + commission), as postings and Ashby's tier summaries write it.
_OTE = re.compile(r"(?i)\bOTE\b|on[- ]target|base[- ]to[- ]commission|base \+ commission")
ENVELOPE_LABEL = "All tiers"


def pay_basis(*texts: str | None) -> str:
    """`ote` when any of the texts calls the range on-target earnings, else `base`."""
    return "ote" if any(t and _OTE.search(t) for t in texts) else "base"


def _salary_ranges(
    components: list[dict[str, Any]],
    label: str | None,
    raw: str | None,
    context: tuple[str | None, ...] = (),
) -> list:
    out = []
    for comp in components or []:
        if str(comp.get("compensationType") or "").lower() not in _BASE_PAY_TYPES:
            continue
        text = comp.get("summary") or raw
        rng = make_range(
            comp.get("minValue"),
            comp.get("maxValue"),
            comp.get("currencyCode"),
            comp.get("interval"),
            text,
            label,
        )
        if rng:
            rng["pay_basis"] = pay_basis(text, raw, *context)
            out.append(rng)
    return out


def ashby_ranges(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The posting's pay ranges, headline first. Ashby publishes its own envelope of every
    tier in `summaryComponents` (type Salary): that is the headline when the job has several
    tiers (zones), followed by every tier with its title. Equity, commission and bonus
    components are never pay; a range the job calls OTE (base + commission) carries
    `pay_basis = "ote"`, and so does the envelope of OTE tiers."""
    comp = job.get("compensation") or {}
    tiers: list[dict[str, Any]] = []
    for tier in comp.get("compensationTiers") or []:
        tiers += _salary_ranges(
            tier.get("components") or [],
            tier.get("title"),
            tier.get("tierSummary"),
            (tier.get("additionalInformation"),),
        )
    summary_text = comp.get("scrapeableCompensationSalarySummary") or comp.get(
        "compensationTierSummary"
    )
    envelope = _salary_ranges(
        comp.get("summaryComponents") or [],
        None,
        summary_text,
        (comp.get("compensationTierSummary"),),
    )[:1]
    if not envelope:
        return tiers
    head = envelope[0]
    if tiers:
        head["currency"] = head["currency"] or tiers[0]["currency"]
        head["period"] = head["period"] or tiers[0]["period"]
        if any(t["pay_basis"] == "ote" for t in tiers):
            head["pay_basis"] = "ote"
        if len(tiers) == 1 and (head["min"], head["max"]) == (tiers[0]["min"], tiers[0]["max"]):
            return tiers
        head["label"] = ENVELOPE_LABEL
    if head["pay_basis"] == "ote" and not _OTE.search(head["raw"] or ""):
        # The envelope's own text ("$131K - $191K") does not say OTE; its tiers do.
        head["raw"] = f"{head['raw']} (OTE)" if head["raw"] else "OTE"
    return [head, *tiers]


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
