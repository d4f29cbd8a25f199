"""The demo boards in the wire format of Workday's CXS API (POST search pages, GET job
details); pay only in the description text, as Workday's API has no pay field."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none, json_reply
from scrapers.demo.market import COUNTRY_NAMES, DemoPosting, boards_of, postings_on
from scrapers.demo.paytext import with_pay_paragraph
from scrapers.loopback import Reply

PAGE_SIZE = 20
_REMOTE = {"remote": "Remote", "hybrid": "Flex", "onsite": "Onsite"}


def _board(tenant: str, site: str) -> str | None:
    for board in boards_of("workday", discoverable=True):
        t, _dc, s = board.split(".")
        if (t, s) == (tenant, site):
            return board
    return None


def _path(p: DemoPosting) -> str:
    slug = "".join(c if c.isalnum() else "-" for c in p.title).strip("-")
    return f"/job/{p.city.replace(' ', '-')}/{slug}_R{p.uid}"


def jobs_page(day: date, board: str, offset: int, limit: int) -> dict[str, Any]:
    open_now = postings_on(day, "workday", board)
    rows = [
        {
            "title": p.title,
            "externalPath": _path(p),
            "locationsText": p.location_text,
            "postedOn": "Posted 30+ Days Ago",
            "remoteType": _REMOTE[p.remote],
            "bulletFields": [f"R{p.uid}"],
        }
        for p in open_now[offset : offset + limit]
    ]
    # Like Workday, only the first page carries the total.
    return {"total": len(open_now) if offset == 0 else 0, "jobPostings": rows, "facets": []}


def job_detail(day: date, board: str, path: str) -> dict[str, Any] | None:
    tenant, dc, site = board.split(".")
    for p in postings_on(day, "workday", board):
        if _path(p) == path:
            return {
                "jobPostingInfo": {
                    "id": f"{p.uid:032x}",
                    "title": p.title,
                    "jobDescription": with_pay_paragraph(p, "Base Pay Range"),
                    "location": p.location_text,
                    "postedOn": "Posted 30+ Days Ago",
                    "startDate": p.posted.isoformat(),
                    "timeType": "Full time" if p.employment_type == "Full-time" else "Part time",
                    "jobReqId": f"R{p.uid}",
                    "country": {"descriptor": COUNTRY_NAMES[p.country]},
                    "remoteType": _REMOTE[p.remote],
                    "externalUrl": f"https://{tenant}.{dc}.myworkdayjobs.com/{site}{path}",
                },
                "hiringOrganization": {"name": p.company, "url": ""},
                "userAuthenticated": False,
            }
    return None


def boards(day: date, base: str) -> list[str]:
    return boards_of("workday")


def serve(request: DemoRequest) -> Reply | None:
    """`POST /wday/cxs/{tenant}/{site}/jobs` and `GET /wday/cxs/{tenant}/{site}/job/...`"""
    seg = request.segments
    if len(seg) < 5 or seg[:2] != ("wday", "cxs"):
        return None
    board = _board(seg[2], seg[3])
    if board is None:
        return None
    if seg[4:] == ("jobs",) and request.body is not None:
        try:
            query = json.loads(request.body or b"{}")
        except ValueError:
            return json_reply({"errorCode": "HTTP_400"}, 400)
        offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 20)), PAGE_SIZE)
        return json_reply(jobs_page(request.day, board, offset, limit))
    if seg[4] == "job" and request.body is None:
        return json_or_none(job_detail(request.day, board, "/" + "/".join(seg[4:])))
    return None
