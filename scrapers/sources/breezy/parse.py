"""Breezy HR: `GET https://{board}.breezy.hr/json` (every published position, one request).
Pay is free text (`salary`, "$90k - $120k / year"): it is appended to the text as a
`Salary:` line for the extractor, never turned into structured pay."""

from __future__ import annotations

from typing import Any

from common.markup import html_to_text
from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str


def _location(job: dict[str, Any]) -> tuple[str | None, bool]:
    names, remote = [], False
    for loc in [job.get("location") or {}, *(job.get("locations") or [])]:
        if isinstance(loc, dict):
            remote = remote or bool(loc.get("is_remote"))
            name = clean_str(loc.get("name"))
            if name and name not in names:
                names.append(name)
    return ("; ".join(names) or None), remote


def parse_breezy_position(
    job: dict[str, Any], board: str, company: str, fetched_at: str
) -> PostingItem:
    location, remote = _location(job)
    html = job.get("description") or None
    text = html_to_text(html)
    if clean_str(job.get("salary")):
        text = f"{text}\n\nSalary: {clean_str(job['salary'])}".strip()
    kind = job.get("type") if isinstance(job.get("type"), dict) else {}
    return build_posting(
        source="breezy",
        board=board,
        source_id=job["id"],
        url=job.get("url") or f"https://{board}.breezy.hr/p/{job.get('friendly_id')}",
        company=(job.get("company") or {}).get("name") or company,
        title=job.get("name"),
        location_raw=location,
        remote_hint="remote" if remote else None,
        description_html=html,
        description_text=text,
        posted_at=iso_date_str(job.get("published_date")),
        fetched_at=fetched_at,
        employment_type=kind.get("name"),
    )
