"""The demo boards in the wire format of RemoteOK's API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from scrapers.demo.http import DemoRequest, json_reply
from scrapers.demo.market import postings_on
from scrapers.loopback import Reply


def api(day: date) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "last_updated": int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()),
            "legal": "API Terms of Service: Please link back (with follow, and without nofollow!) to the "
            "URL on Remote OK and mention Remote OK as a source. (Demo data written by promptjobs.)",
        }
    ]
    for p in postings_on(day, "remoteok"):
        slug = f"remote-{p.title.lower().replace(' ', '-').replace(',', '')}-{p.company.lower().replace(' ', '-')}-{1_130_000 + p.uid}"
        moment = datetime(p.posted.year, p.posted.month, p.posted.day, 0, 0, 3, tzinfo=UTC)
        lo = hi = 0
        if p.structured_pay and p.pay and p.period == "year" and p.currency == "USD":
            lo, hi = int(p.pay[0]), int(p.pay[1])
        tags = [t.lower() for t in p.tags[:3]] + (["ai", "llm"] if p.family != "other" else ["dev"])
        if "Account" in p.title or "Recruiter" in p.title:
            tags = ["sales", "non tech"]
        rows.append(
            {
                "slug": slug,
                "id": str(1_130_000 + p.uid),
                "epoch": int(moment.timestamp()),
                "date": moment.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "company": p.company,
                "company_logo": "",
                "position": p.title,
                "tags": tags,
                "description": p.description_html,
                "location": "" if p.uid % 4 == 0 else p.location_text,
                "apply_url": f"https://remoteOK.com/remote-jobs/{slug}",
                "salary_min": lo,
                "salary_max": hi,
                "logo": "",
                "url": f"https://remoteOK.com/remote-jobs/{slug}",
            }
        )
    return rows


def boards(day: date, base: str) -> list[str]:
    return ["all"]


def serve(request: DemoRequest) -> Reply | None:
    """`GET /api`"""
    if request.segments == ("api",):
        return json_reply(api(request.day))
    return None
