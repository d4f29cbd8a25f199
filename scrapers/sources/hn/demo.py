"""The demo boards in the wire format of the Algolia HN API (search and items):
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, timedelta
from typing import Any

from scrapers.demo.http import DemoRequest, json_or_none, json_reply
from scrapers.demo.market import DemoPosting, hn_thread_id, hn_thread_months, money, postings_on
from scrapers.loopback import Reply


def _comment_html(p: DemoPosting) -> str:
    remote = {"remote": "REMOTE", "hybrid": "Hybrid", "onsite": "ONSITE"}[p.remote]
    parts = [p.company, p.title, p.location_text, remote, p.employment_type]
    if p.pay and p.period == "year":
        lo, hi = p.pay
        parts.append(f"{money(lo, p.currency, short=True)}-{money(hi, p.currency, short=True)}")
    header = " | ".join(html.escape(x, quote=True).replace("'", "&#x27;") for x in parts)
    body = p.description_text.replace("\n\n", "\n").split("\n")
    paragraphs = "<p>".join(
        html.escape(line).replace("'", "&#x27;").replace("/", "&#x2F;") for line in body if line
    )
    slug = p.company.lower().replace(" ", "")
    link = f'<a href="https:&#x2F;&#x2F;{slug}.example&#x2F;jobs" rel="nofollow">https:&#x2F;&#x2F;{slug}.example&#x2F;jobs</a>'
    return f"{header}<p>{paragraphs}<p>Apply: {link}"


def _time(day: date, uid: int) -> tuple[str, int]:
    moment = datetime(day.year, day.month, day.day, 15, 1, 21, tzinfo=UTC) + timedelta(
        minutes=uid % 600
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z"), int(moment.timestamp())


def search(day: date) -> dict[str, Any]:
    hits = []
    for month in reversed(hn_thread_months()):
        if month > day:
            continue
        label = month.strftime("%B %Y")
        for offset, title in enumerate(
            (
                f"Ask HN: Who is hiring? ({label})",
                f"Ask HN: Who wants to be hired? ({label})",
                f"Ask HN: Freelancer? Seeking freelancer? ({label})",
            )
        ):
            story_id = hn_thread_id(month) + offset
            created, created_i = _time(month, 0)
            hits.append(
                {
                    "_highlightResult": {
                        "author": {
                            "matchLevel": "none",
                            "matchedWords": [],
                            "value": "whoishiring",
                        },
                        "title": {"matchLevel": "none", "matchedWords": [], "value": title},
                    },
                    "_tags": ["story", "author_whoishiring", f"story_{story_id}", "ask_hn"],
                    "author": "whoishiring",
                    "created_at": created.replace(".000Z", "Z"),
                    "created_at_i": created_i,
                    "num_comments": 400,
                    "objectID": str(story_id),
                    "points": 300,
                    "story_id": story_id,
                    "title": title,
                    "updated_at": created.replace(".000Z", "Z"),
                }
            )
    return {
        "exhaustive": {"nbHits": True, "typo": True},
        "exhaustiveNbHits": True,
        "exhaustiveTypo": True,
        "hits": hits,
        "hitsPerPage": 50,
        "nbHits": len(hits),
        "nbPages": 1,
        "page": 0,
        "params": "tags=story%2Cauthor_whoishiring&hitsPerPage=50",
        "processingTimeMS": 1,
        "query": "",
        "serverTimeMS": 1,
    }


def item(day: date, thread_id: str) -> dict[str, Any] | None:
    month = next((m for m in hn_thread_months() if str(hn_thread_id(m)) == thread_id), None)
    if month is None or month > day:
        return None
    created, created_i = _time(month, 0)
    children = []
    for p in postings_on(day, "hn", thread_id):
        when, when_i = _time(p.posted, p.uid)
        children.append(
            {
                "author": p.company.lower().replace(" ", "_")[:12],
                "children": [
                    {
                        "author": "curious_dev",
                        "children": [],
                        "created_at": when,
                        "created_at_i": when_i + 60,
                        "id": 50_000_000 + p.uid,
                        "options": [],
                        "parent_id": 49_000_000 + p.uid,
                        "points": None,
                        "story_id": int(thread_id),
                        "text": "Is this open to applicants in Europe?",
                        "title": None,
                        "type": "comment",
                        "url": None,
                    }
                ]
                if p.uid % 5 == 0
                else [],
                "created_at": when,
                "created_at_i": when_i,
                "id": 49_000_000 + p.uid,
                "options": [],
                "parent_id": int(thread_id),
                "points": None,
                "story_id": int(thread_id),
                "text": _comment_html(p),
                "title": None,
                "type": "comment",
                "url": None,
            }
        )
    # A deleted comment: no author, no text.
    children.append(
        {
            "author": None,
            "children": [],
            "created_at": created,
            "created_at_i": created_i,
            "id": int(thread_id) + 99,
            "options": [],
            "parent_id": int(thread_id),
            "points": None,
            "story_id": int(thread_id),
            "text": None,
            "title": None,
            "type": "comment",
            "url": None,
        }
    )
    return {
        "author": "whoishiring",
        "children": children,
        "created_at": created,
        "created_at_i": created_i,
        "id": int(thread_id),
        "options": [],
        "parent_id": None,
        "points": 412,
        "story_id": int(thread_id),
        "text": "Please state the location and include REMOTE for remote work, REMOTE (US) or "
        "similar if the country is restricted, and ONSITE when remote work is <i>not</i> an option.",
        "title": f"Ask HN: Who is hiring? ({month.strftime('%B %Y')})",
        "type": "story",
        "url": None,
    }


def boards(day: date, base: str) -> list[str]:
    # This month's and last month's "Who is hiring?" threads.
    months = [m for m in hn_thread_months() if m <= day][-2:]
    return [str(hn_thread_id(m)) for m in months]


def serve(request: DemoRequest) -> Reply | None:
    """`GET /v1/search_by_date?tags=story,author_whoishiring` and `/v1/items/{id}`"""
    seg = request.segments
    if seg == ("v1", "search_by_date"):
        return json_reply(search(request.day))
    if len(seg) == 3 and seg[:2] == ("v1", "items"):
        return json_or_none(item(request.day, seg[2]))
    return None
