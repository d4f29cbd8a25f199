"""The demo boards in the wire format of SmartRecruiters' posting API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none, json_reply
from scrapers.demo.market import (
    COMPANIES,
    COUNTRY_NAMES,
    ISO2,
    DemoPosting,
    boards_of,
    postings_on,
    stable_uuid,
)
from scrapers.loopback import Reply


def _location(p: DemoPosting) -> dict[str, Any]:
    return {
        "city": p.city,
        "region": p.region,
        "country": ISO2[p.country].lower(),
        "remote": p.remote == "remote",
        "hybrid": p.remote == "hybrid",
        "fullLocation": f"{p.city}, {p.region}, {COUNTRY_NAMES[p.country]}",
    }


def postings_page(day: date, board: str, offset: int, limit: int) -> dict[str, Any]:
    jobs = (
        postings_on(day, "smartrecruiters", board) if board in boards_of("smartrecruiters") else []
    )
    page = jobs[offset : offset + limit]
    company = next((c for c in COMPANIES if c.board == board), None)
    content = [
        {
            "id": str(744_000_000_000_000 + p.uid),
            "name": p.title,
            "uuid": stable_uuid(p.uid),
            "jobAdId": stable_uuid(p.uid + 7),
            "defaultJobAd": True,
            "refNumber": f"REF{p.uid}",
            "company": {"identifier": board, "name": company.name if company else board},
            "releasedDate": f"{p.posted.isoformat()}T07:35:02.787Z",
            "location": _location(p),
            "industry": {
                "id": "banking" if board == "GlobexBank" else "retail",
                "label": "Industry",
            },
            "department": {},
            "function": {"id": "information_technology", "label": "Information Technology"},
            "typeOfEmployment": {"id": "permanent", "label": p.employment_type},
            "experienceLevel": {"id": "mid_senior_level", "label": "Mid-Senior Level"},
            "customField": [],
            "visibility": "PUBLIC",
            "ref": f"https://api.smartrecruiters.com/v1/companies/{board}/postings/{744_000_000_000_000 + p.uid}",
            "language": {"code": "en", "label": "English", "labelNative": "English (US)"},
        }
        for p in page
    ]
    return {"offset": offset, "limit": limit, "totalFound": len(jobs), "content": content}


def posting_detail(day: date, board: str, posting_id: str) -> dict[str, Any] | None:
    for p in postings_on(day, "smartrecruiters", board):
        if str(744_000_000_000_000 + p.uid) != posting_id:
            continue
        company = next(c for c in COMPANIES if c.board == board)
        detail: dict[str, Any] = {
            "id": posting_id,
            "name": p.title,
            "uuid": stable_uuid(p.uid),
            "jobId": stable_uuid(p.uid + 9),
            "jobAdId": stable_uuid(p.uid + 7),
            "defaultJobAd": True,
            "refNumber": f"REF{p.uid}",
            "company": {"name": company.name, "identifier": board},
            "location": _location(p),
            "customField": [],
            "releasedDate": f"{p.posted.isoformat()}T07:35:02.787Z",
            "creator": {"name": "", "avatarUrl": ""},
            "postingUrl": f"https://jobs.smartrecruiters.com/{board}/{posting_id}",
            "applyUrl": f"https://jobs.smartrecruiters.com/{board}/{posting_id}?oga=true",
            "referralUrl": f"https://jobs.smartrecruiters.com/external-referrals/company/{board}/publication/{stable_uuid(p.uid + 7)}",
            "jobAd": {
                "sections": {
                    "companyDescription": {
                        "title": "Company Description",
                        "text": f"<p>{html.escape(company.blurb)}</p>",
                    },
                    "jobDescription": {"title": "Job Description", "text": p.description_html},
                    "qualifications": {"title": "Qualifications", "text": ""},
                    "additionalInformation": {
                        "title": "Additional Information",
                        "text": "<p>All your information will be kept confidential.</p>",
                    },
                }
            },
            "active": True,
            "visibility": "PUBLIC",
            "typeOfEmployment": {"id": "permanent", "label": p.employment_type},
            "language": {"code": "en", "label": "English", "labelNative": "English (US)"},
        }
        if p.structured_pay and p.pay:
            period = {"year": "ANNUAL", "hour": "HOURLY", "month": "MONTHLY"}[p.period]
            detail["compensation"] = {
                "min": p.pay[0],
                "max": p.pay[1],
                "currency": p.currency,
                "period": period,
            }
        return detail
    return None


# SmartRecruiters caps a page; a small cap makes the demo exercise paging.
PAGE_CAP = 10


def boards(day: date, base: str) -> list[str]:
    return boards_of("smartrecruiters")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /v1/companies/{company}/postings[?offset=&limit=]` and `.../postings/{id}`"""
    seg, query = request.segments, request.query
    if seg[:2] != ("v1", "companies") or len(seg) < 4:
        return None
    if len(seg) == 4:
        limit = min(int(query.get("limit", 10)), PAGE_CAP)
        return json_reply(postings_page(request.day, seg[2], int(query.get("offset", 0)), limit))
    return json_or_none(posting_detail(request.day, seg[2], seg[4]))
