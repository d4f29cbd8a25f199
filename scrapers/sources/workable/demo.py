"""The demo boards in the wire format of Workable's widget API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import COMPANIES, COUNTRY_NAMES, ISO2, boards_of, postings_on
from scrapers.loopback import Reply


def account(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("workable"):
        return None
    company = next(c for c in COMPANIES if c.board == board)
    rows = []
    for p in postings_on(day, "workable", board):
        code = f"{p.uid:X}{board[:3].upper()}"
        rows.append(
            {
                "title": p.title,
                "shortcode": code,
                "code": "",
                "employment_type": p.employment_type,
                "telecommuting": p.remote == "remote",
                "department": "AI",
                "url": f"https://apply.workable.com/j/{code}",
                "shortlink": f"https://apply.workable.com/j/{code}",
                "application_url": f"https://apply.workable.com/j/{code}/apply",
                "published_on": p.posted.isoformat(),
                "created_at": p.posted.isoformat(),
                "country": COUNTRY_NAMES[p.country],
                "city": p.city,
                "state": p.region,
                "education": "",
                "experience": "Mid-Senior level",
                "function": "",
                "industry": "Computer Software",
                "locations": [
                    {
                        "country": COUNTRY_NAMES[p.country],
                        "countryCode": ISO2[p.country],
                        "city": p.city,
                        "region": p.region,
                        "hidden": False,
                    }
                ],
                "description": p.description_html,
            }
        )
    return {"name": company.name, "description": None, "jobs": rows}


NOT_FOUND = {"error": "Not found"}


def boards(day: date, base: str) -> list[str]:
    return boards_of("workable")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /api/v1/widget/accounts/{account}`"""
    seg = request.segments
    if seg[:4] == ("api", "v1", "widget", "accounts") and len(seg) == 5:
        return json_or_none(account(request.day, seg[4]))
    return None
