"""Recruitee careers API: `GET https://{board}.recruitee.com/api/offers/` (every published
offer, one request). Pay is structured (`salary`: min/max as strings, period, currency)."""

from __future__ import annotations

from typing import Any

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str, make_range


def recruitee_time(value: Any) -> str | None:
    """`2026-08-11 20:45:29 UTC` -> `2026-08-11T20:45:29Z` (ISO strings pass through)."""
    text = clean_str(value)
    if text and text.endswith(" UTC"):
        text = text[: -len(" UTC")].replace(" ", "T") + "Z"
    return iso_date_str(text)


def recruitee_ranges(offer: dict[str, Any]) -> list[dict[str, Any]]:
    salary = offer.get("salary")
    if not isinstance(salary, dict) or not salary.get("currency"):
        return []
    lo, hi, period = salary.get("min"), salary.get("max"), salary.get("period")
    raw = f"{lo or ''}-{hi or ''} {salary.get('currency')} per {period or '?'}"
    rng = make_range(lo, hi, salary.get("currency"), period, raw)
    if not rng or not rng.get("period"):
        return []
    top = max(v for v in (rng["min"], rng["max"]) if v is not None)
    if rng["period"] == "year" and top < 1000:
        # "75.00"-"95.00" a year is thousands typed short, or an hourly rate filed as
        # yearly: either way not a figure to take as structured annual pay.
        return []
    return [rng]


def _remote_hint(offer: dict[str, Any]) -> str | None:
    if offer.get("remote"):
        return "remote"
    if offer.get("hybrid"):
        return "hybrid"
    if offer.get("on_site"):
        return "onsite"
    return None


def _location(offer: dict[str, Any]) -> str | None:
    places = []
    for loc in offer.get("locations") or []:
        if isinstance(loc, dict):
            name = ", ".join(p for p in (loc.get("city"), loc.get("country")) if p)
            if name and name not in places:
                places.append(name)
    if places:
        return "; ".join(places)
    return (
        clean_str(offer.get("location"))
        or ", ".join(p for p in (offer.get("city"), offer.get("country")) if p)
        or None
    )


def parse_recruitee_offer(
    offer: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    html_parts = [offer.get("description") or "", offer.get("requirements") or ""]
    return build_posting(
        source="recruitee",
        board=board,
        source_id=offer["id"],
        url=offer.get("careers_url") or f"https://{board}.recruitee.com/o/{offer.get('slug')}",
        company=offer.get("company_name") or company,
        title=offer.get("title"),
        location_raw=_location(offer),
        remote_hint=_remote_hint(offer),
        description_html="\n".join(p for p in html_parts if p) or None,
        posted_at=recruitee_time(offer.get("published_at") or offer.get("created_at")),
        updated_at=recruitee_time(offer.get("updated_at")),
        fetched_at=fetched_at,
        employment_type=offer.get("employment_type_code"),
        compensation_ranges=recruitee_ranges(offer),
    )
