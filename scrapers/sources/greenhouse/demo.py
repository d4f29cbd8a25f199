"""The demo boards in the wire format of Greenhouse's job-board API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import COUNTRY_NAMES, DemoPosting, boards_of, postings_on
from scrapers.loopback import Reply


def _iso(day: date, hour: int = 9, offset: str = "-04:00") -> str:
    return f"{day.isoformat()}T{hour:02d}:{(day.day * 7) % 60:02d}:00{offset}"


def _annual_zones(p: DemoPosting) -> list[tuple[str, float, float]]:
    """The posting's pay zones (the market's multi-range postings), else one range."""
    assert p.pay is not None
    if p.zones:
        return list(p.zones)
    label = f"{COUNTRY_NAMES[p.country]} base pay"
    return [(label, p.pay[0], p.pay[1])]


def jobs(day: date, board: str) -> dict[str, Any] | None:
    jobs = postings_on(day, "greenhouse", board)
    if board not in boards_of("greenhouse"):
        return None
    rows = []
    for p in jobs:
        ranges = []
        if p.structured_pay and p.pay:
            for title, lo, hi in _annual_zones(p):
                ranges.append(
                    {
                        "min_cents": int(lo * 100),
                        "max_cents": int(hi * 100),
                        "currency_type": p.currency,
                        "title": title,
                        "blurb": "Base pay depends on location, skills and experience.",
                        "description": "<p>Final offers may vary.</p>",
                    }
                )
        rows.append(
            {
                "absolute_url": f"https://job-boards.greenhouse.io/{board}/jobs/{p.uid}",
                "data_compliance": [
                    {
                        "type": "gdpr",
                        "requires_consent": False,
                        "requires_processing_consent": False,
                        "requires_retention_consent": False,
                        "retention_period": None,
                        "demographic_data_consent_applies": False,
                    }
                ],
                "internal_job_id": 4_000_000 + p.uid,
                "location": {"name": p.location_text},
                "metadata": None,
                "id": 7_000_000_000 + p.uid,
                "updated_at": _iso(max(p.posted, day - timedelta(days=3))),
                "requisition_id": f"R-{p.uid}",
                "title": p.title,
                "company_name": p.company,
                "first_published": _iso(p.posted),
                "language": "en",
                "content": html.escape(p.description_html),
                "departments": [
                    {"id": 100 + p.uid % 7, "name": "AI", "child_ids": [], "parent_id": None}
                ],
                "offices": [
                    {
                        "id": 200 + p.uid % 5,
                        "name": p.city,
                        "location": p.location_text,
                        "child_ids": [],
                        "parent_id": None,
                    }
                ],
                "pay_input_ranges": ranges,
            }
        )
    return {"jobs": rows, "meta": {"total": len(rows)}}


NOT_FOUND = {"status": 404, "error": "Job not found"}


def boards(day: date, base: str) -> list[str]:
    return boards_of("greenhouse")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /v1/boards/{board}/jobs`"""
    seg = request.segments
    if len(seg) == 4 and seg[:2] == ("v1", "boards"):
        return json_or_none(jobs(request.day, seg[2]))
    return None
