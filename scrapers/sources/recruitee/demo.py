"""The demo boards in the wire format of Recruitee's careers API (`/api/offers/`), with
structured pay (`salary`, figures as strings) where the posting has it."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import COUNTRY_NAMES, ISO2, boards_of, postings_on
from scrapers.loopback import Reply


def offers(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("recruitee", discoverable=True):
        return None
    rows = []
    for p in postings_on(day, "recruitee", board):
        pay = p.pay if p.structured_pay else None
        rows.append(
            {
                "id": p.uid,
                "slug": f"role-{p.uid}",
                "title": p.title,
                "status": "published",
                "careers_url": f"https://{board}.recruitee.com/o/role-{p.uid}",
                "company_name": p.company,
                "description": p.description_html,
                "requirements": "",
                "city": p.city,
                "country": COUNTRY_NAMES[p.country],
                "country_code": ISO2[p.country],
                "location": p.location_text,
                "locations": [
                    {
                        "city": p.city,
                        "country": COUNTRY_NAMES[p.country],
                        "country_code": ISO2[p.country],
                    }
                ],
                "remote": p.remote == "remote",
                "hybrid": p.remote == "hybrid",
                "on_site": p.remote == "onsite",
                "employment_type_code": "fulltime_permanent",
                "published_at": f"{p.posted.isoformat()} 09:00:00 UTC",
                "created_at": f"{p.posted.isoformat()} 08:55:00 UTC",
                "updated_at": f"{p.posted.isoformat()} 09:00:00 UTC",
                "salary": {
                    "min": f"{pay[0]:.2f}" if pay else None,
                    "max": f"{pay[1]:.2f}" if pay else None,
                    "period": p.period if pay else None,
                    "currency": p.currency if pay else None,
                },
            }
        )
    return {"offers": rows}


def boards(day: date, base: str) -> list[str]:
    return boards_of("recruitee")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /{board}/api/offers/` (the mirror form of `{board}.recruitee.com/api/offers/`)"""
    seg = request.segments
    if len(seg) == 3 and seg[1:] == ("api", "offers"):
        return json_or_none(offers(request.day, seg[0]))
    return None
