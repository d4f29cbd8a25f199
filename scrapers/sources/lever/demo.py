"""The demo boards in the wire format of Lever's postings API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import BENEFITS, ISO2, boards_of, postings_on, stable_uuid
from scrapers.loopback import Reply


def postings(day: date, board: str) -> list[dict[str, Any]] | None:
    if board not in boards_of("lever"):
        return None
    rows = []
    for p in postings_on(day, "lever", board):
        pid = stable_uuid(p.uid)
        created = datetime(p.posted.year, p.posted.month, p.posted.day, 15, 12, tzinfo=UTC)
        row: dict[str, Any] = {
            "additionalPlain": BENEFITS[p.uid % len(BENEFITS)] + "\n",
            "additional": f"<div>{html.escape(BENEFITS[p.uid % len(BENEFITS)])}</div>",
            "categories": {
                "commitment": p.employment_type,
                "department": "Research & Development",
                "location": p.location_text,
                "team": "AI",
                "allLocations": [p.location_text],
            },
            "createdAt": int(created.timestamp() * 1000),
            "descriptionPlain": p.description_text,
            "description": f"<div>{p.description_html}</div>",
            "id": pid,
            "lists": [],
            "text": p.title,
            "country": ISO2[p.country],
            "workplaceType": p.remote if p.remote != "onsite" else "onsite",
            "opening": "",
            "openingPlain": "",
            "descriptionBody": f"<div>{p.description_html}</div>",
            "descriptionBodyPlain": p.description_text,
            "hostedUrl": f"https://jobs.lever.co/{board}/{pid}",
            "applyUrl": f"https://jobs.lever.co/{board}/{pid}/apply",
        }
        if p.structured_pay and p.pay:
            interval = {
                "year": "per-year-salary",
                "hour": "per-hour-wage",
                "month": "per-month-salary",
            }
            row["salaryRange"] = {
                "min": int(p.pay[0]),
                "max": int(p.pay[1]),
                "currency": p.currency,
                "interval": interval[p.period],
            }
            row["salaryDescription"] = "<div>This range is the base pay for this role.</div>"
            row["salaryDescriptionPlain"] = "This range is the base pay for this role."
        rows.append(row)
    return rows


NOT_FOUND = {"ok": False, "error": "Document not found"}


def boards(day: date, base: str) -> list[str]:
    return boards_of("lever")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /v0/postings/{site}?mode=json`"""
    seg = request.segments
    if len(seg) == 3 and seg[:2] == ("v0", "postings"):
        return json_or_none(postings(request.day, seg[2]))
    return None
