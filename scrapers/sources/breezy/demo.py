"""The demo boards in the wire format of Breezy HR's `/json`; pay as Breezy's free-text
`salary`."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import COUNTRY_NAMES, ISO2, boards_of, postings_on, stable_uuid
from scrapers.demo.paytext import pay_text
from scrapers.loopback import Reply


def positions(day: date, board: str) -> list[dict[str, Any]] | None:
    if board not in boards_of("breezy", discoverable=True):
        return None
    rows = []
    for p in postings_on(day, "breezy", board):
        pid = stable_uuid(p.uid).replace("-", "")[:12]
        location = {
            "country": {"name": COUNTRY_NAMES[p.country], "id": ISO2[p.country]},
            "city": p.city,
            "primary": True,
            "is_remote": p.remote == "remote",
            "name": p.location_text,
        }
        rows.append(
            {
                "id": pid,
                "friendly_id": f"{pid}-role",
                "name": p.title,
                "url": f"https://{board}.breezy.hr/p/{pid}-role",
                "published_date": f"{p.posted.isoformat()}T09:00:00.000Z",
                "type": {"id": "fullTime", "name": "Full-Time"},
                "location": location,
                "locations": [{**location, "id": pid[:8]}],
                "department": "AI",
                "salary": pay_text(p, short=True) or "",
                "description": p.description_html,
                "company": {"name": p.company, "logo_url": None, "friendly_id": board},
            }
        )
    return rows


def boards(day: date, base: str) -> list[str]:
    return boards_of("breezy")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /{board}/json` (the mirror form of `{board}.breezy.hr/json`)"""
    seg = request.segments
    if len(seg) == 2 and seg[1] == "json":
        return json_or_none(positions(request.day, seg[0]))
    return None
