"""The demo boards in the wire format of Ashby's posting API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import (
    COUNTRY_NAMES,
    DemoPosting,
    boards_of,
    money,
    postings_on,
    stable_uuid,
)
from scrapers.loopback import Reply


def _component(
    kind: str, interval: str, currency: str | None, lo: float, hi: float
) -> dict[str, Any]:
    return {
        "compensationType": kind,
        "interval": interval,
        "currencyCode": currency,
        "minValue": lo,
        "maxValue": hi,
    }


def _compensation(p: DemoPosting, interval: str) -> dict[str, Any]:
    """Ashby's compensation block: one tier per pay zone (titled by the zone), the envelope
    of every tier in `summaryComponents`, equity, and commission next to a sales base."""
    assert p.pay is not None
    zones = p.zones or [(None, *p.pay)]
    equity = _component("EquityPercentage", "NONE", None, 0.05, 0.2)
    extras = [equity]
    if p.ote:
        extras.append(
            _component("Commission", interval, p.currency, p.ote[0] - p.pay[0], p.ote[1] - p.pay[1])
        )
    tiers = []
    for n, (title, lo, hi) in enumerate(zones):
        summary = f"{money(lo, p.currency)} – {money(hi, p.currency)}"
        components = [dict(c, summary="Offers Equity") for c in extras[:1]] + [
            dict(_component("Salary", interval, p.currency, lo, hi), summary=summary)
        ]
        components += [dict(c, summary="Commission") for c in extras[1:]]
        for k, c in enumerate(components):
            c["id"] = stable_uuid(p.uid + 10 * n + k + 2)
        tiers.append(
            {
                "id": stable_uuid(p.uid + 10 * n + 1),
                "tierSummary": f"{summary} • Offers Equity",
                "title": title,
                "additionalInformation": None,
                "components": components,
            }
        )
    lo, hi = min(z[1] for z in zones), max(z[2] for z in zones)
    summary = f"{money(lo, p.currency)} – {money(hi, p.currency)}"
    return {
        "compensationTierSummary": f"{summary} • Offers Equity",
        "scrapeableCompensationSalarySummary": summary.replace("–", "-"),
        "compensationTiers": tiers,
        "summaryComponents": [equity, _component("Salary", interval, p.currency, lo, hi)]
        + extras[1:],
    }


def job_board(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("ashby", discoverable=True):
        return None
    rows = []
    for p in postings_on(day, "ashby", board):
        pid = stable_uuid(p.uid)
        interval = {"year": "1 YEAR", "hour": "1 HOUR", "month": "1 MONTH"}[p.period]
        comp: dict[str, Any] = {
            "compensationTierSummary": None,
            "scrapeableCompensationSalarySummary": None,
            "compensationTiers": [],
            "summaryComponents": [],
        }
        if p.structured_pay and p.pay:
            comp = _compensation(p, interval)
        rows.append(
            {
                "id": pid,
                "title": p.title,
                "department": "AI",
                "team": "Applied AI",
                "employmentType": "Contract"
                if p.employment_type == "Contract"
                else ("PartTime" if p.employment_type == "Part-time" else "FullTime"),
                "location": p.location_text,
                "shouldDisplayCompensationOnJobPostings": bool(p.structured_pay),
                "secondaryLocations": [],
                "publishedAt": f"{p.posted.isoformat()}T16:20:11.512+00:00",
                "isListed": True,
                "isRemote": p.remote == "remote",
                "workplaceType": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}[
                    p.remote
                ],
                "address": {
                    "postalAddress": {
                        "addressRegion": p.region,
                        "addressCountry": COUNTRY_NAMES[p.country],
                        "addressLocality": p.city,
                    }
                },
                "jobUrl": f"https://jobs.ashbyhq.com/{board}/{pid}",
                "applyUrl": f"https://jobs.ashbyhq.com/{board}/{pid}/application",
                "descriptionHtml": p.description_html,
                "descriptionPlain": p.description_text,
                "compensation": comp,
            }
        )
    # An unlisted job is in the answer but not public: the spider must skip it.
    rows.append(
        dict(
            rows[0],
            id=stable_uuid(9_000_000 + sum(map(ord, board))),
            isListed=False,
            title="Internal Transfer - Do Not Apply",
        )
        if rows
        else {}
    )
    return {"jobs": [r for r in rows if r], "apiVersion": "1"}


NOT_FOUND = {"success": False, "errors": ["Job board not found"]}


def boards(day: date, base: str) -> list[str]:
    return boards_of("ashby")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /posting-api/job-board/{board}`"""
    seg = request.segments
    if seg[:2] == ("posting-api", "job-board") and len(seg) == 3:
        return json_or_none(job_board(request.day, seg[2]))
    return None
