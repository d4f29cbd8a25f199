"""The demo boards in the wire format of BambooHR's careers pages (`/careers/list` and
`/careers/{id}/detail`); pay as BambooHR's free-text `compensation`."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none
from scrapers.demo.market import COUNTRY_NAMES, boards_of, postings_on
from scrapers.demo.paytext import pay_text
from scrapers.loopback import Reply

_LOCATION_TYPE = {"onsite": "0", "remote": "1", "hybrid": "2"}


def careers_list(day: date, board: str) -> dict[str, Any] | None:
    if board not in boards_of("bamboohr", discoverable=True):
        return None
    rows = [
        {
            "id": str(p.uid),
            "jobOpeningName": p.title,
            "departmentId": None,
            "departmentLabel": None,
            "employmentStatusLabel": p.employment_type.replace("-", " ").capitalize(),
            "location": {"city": p.city, "state": p.region},
            "atsLocation": {"country": None, "state": None, "province": None, "city": None},
            "isRemote": p.remote == "remote" or None,
            "locationType": _LOCATION_TYPE[p.remote],
        }
        for p in postings_on(day, "bamboohr", board)
    ]
    return {"meta": {"totalCount": len(rows)}, "result": rows}


def detail(day: date, board: str, job_id: str) -> dict[str, Any] | None:
    for p in postings_on(day, "bamboohr", board):
        if str(p.uid) == job_id:
            opening = {
                "jobOpeningShareUrl": f"https://{board}.bamboohr.com/careers/{p.uid}",
                "jobOpeningName": p.title,
                "jobOpeningStatus": "Open",
                "employmentStatusLabel": p.employment_type.replace("-", " ").capitalize(),
                "location": {
                    "city": p.city,
                    "state": p.region,
                    "postalCode": None,
                    "addressCountry": COUNTRY_NAMES[p.country],
                },
                "atsLocation": {"country": None, "countryId": None, "state": None, "city": None},
                "description": p.description_html,
                "compensation": pay_text(p),
                "datePosted": p.posted.isoformat(),
                "locationType": _LOCATION_TYPE[p.remote],
            }
            return {"meta": {}, "result": {"jobOpening": opening}}
    return None


def boards(day: date, base: str) -> list[str]:
    return boards_of("bamboohr")


def serve(request: DemoRequest) -> Reply | None:
    """`GET /{board}/careers/list` and `/{board}/careers/{id}/detail`"""
    seg = request.segments
    if len(seg) == 3 and seg[1:] == ("careers", "list"):
        return json_or_none(careers_list(request.day, seg[0]))
    if len(seg) == 4 and seg[1] == "careers" and seg[3] == "detail":
        return json_or_none(detail(request.day, seg[0], seg[2]))
    return None
