"""BambooHR careers: `GET https://{board}.bamboohr.com/careers/list`, then one
`GET .../careers/{id}/detail` per opening (description, date, pay). Pay is free text
(`compensation`, e.g. "£50,000–£60,000 / OTE: £100,000"): appended to the text as a
`Compensation:` line for the extractor, never structured pay."""

from __future__ import annotations

from typing import Any

from common.markup import html_to_text
from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str

# BambooHR's locationType: 0 on site, 1 remote, 2 hybrid.
_LOCATION_TYPE = {"0": "onsite", "1": "remote", "2": "hybrid"}


def _location(opening: dict[str, Any]) -> str | None:
    loc = opening.get("location") or {}
    ats = opening.get("atsLocation") or {}
    parts = [
        loc.get("city") or ats.get("city"),
        loc.get("state") or ats.get("state") or ats.get("province"),
        loc.get("addressCountry") or ats.get("country"),
    ]
    return ", ".join(str(p) for p in parts if p) or None


def parse_bamboohr_opening(
    opening: dict[str, Any], listed: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    """One opening from its detail (`result.jobOpening`) and its row of the list."""
    html = opening.get("description") or None
    text = html_to_text(html)
    pay = clean_str(opening.get("compensation"))
    if pay:
        text = f"{text}\n\nCompensation: {pay}".strip()
    if opening.get("isRemote") or listed.get("isRemote"):
        remote_hint: str | None = "remote"
    else:
        kind = opening.get("locationType") or listed.get("locationType")
        remote_hint = _LOCATION_TYPE.get(str(kind)) if kind is not None else None
    job_id = listed.get("id") or opening.get("id")
    return build_posting(
        source="bamboohr",
        board=board,
        source_id=job_id,
        url=opening.get("jobOpeningShareUrl") or f"https://{board}.bamboohr.com/careers/{job_id}",
        company=company,
        title=opening.get("jobOpeningName") or listed.get("jobOpeningName"),
        location_raw=_location(opening) or _location(listed),
        remote_hint=remote_hint,
        description_html=html,
        description_text=text,
        posted_at=iso_date_str(opening.get("datePosted")),
        fetched_at=fetched_at,
        employment_type=opening.get("employmentStatusLabel") or listed.get("employmentStatusLabel"),
    )
