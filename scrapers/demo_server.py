"""The embedded demo boards over real HTTP on 127.0.0.1 (see scrapers.demo_data).

Every snapshot day has its own API base per source, `http://127.0.0.1:PORT/d/<day>/<source>`,
below which the server answers the source's real API paths:

    greenhouse       /v1/boards/{board}/jobs
    lever            /v0/postings/{site}?mode=json
    ashby            /posting-api/job-board/{board}
    workable         /api/v1/widget/accounts/{account}
    smartrecruiters  /v1/companies/{company}/postings[?offset=&limit=]  and  .../postings/{id}
    hn               /v1/search_by_date?tags=story,author_whoishiring  and  /v1/items/{id}
    remotive         /api/remote-jobs
    remoteok         /api
    jsonld           /careers/{site}/ (career page), /careers/{site}/sitemap.xml, job pages

Usage (promptjobs demo):

    with DemoServer() as d:
        for day in d.snapshot_dates:
            crawl(settings, sources, boards=d.boards(day), api_base=d.api_bases(day),
                  crawl_date=day, urls=d.jsonld_urls(day))
"""

from __future__ import annotations

import json
import re
from datetime import date
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from scrapers import demo_data
from scrapers.loopback import LoopbackServer, Reply
from scrapers.registry import SOURCES

_PATH = re.compile(r"^/d/(\d{4}-\d{2}-\d{2})/([a-z]+)(/.*)?$")
# SmartRecruiters caps a page; a small cap makes the demo exercise paging.
SMARTRECRUITERS_PAGE_CAP = 10


def _json(payload: Any, status: int = 200) -> Reply:
    return Reply(status=status, body=json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def _html(text: str, content_type: str = "text/html; charset=utf-8") -> Reply:
    return Reply(body=text.encode("utf-8"), content_type=content_type)


NOT_FOUND = {
    "greenhouse": {"status": 404, "error": "Job not found"},
    "lever": {"ok": False, "error": "Document not found"},
    "ashby": {"success": False, "errors": ["Job board not found"]},
    "workable": {"error": "Not found"},
}


class DemoServer:
    """Context manager: the demo boards on a free 127.0.0.1 port, in a thread."""

    snapshot_dates: list[date]

    def __init__(self) -> None:
        self.snapshot_dates = list(demo_data.SNAPSHOT_DATES)
        self._server = LoopbackServer(self._route)

    # --- the API the demo runner uses ---------------------------------------------------------
    @property
    def url(self) -> str:
        return self._server.url

    def api_bases(self, day: date) -> dict[str, str]:
        return {s: f"{self.url}/d/{day.isoformat()}/{s}" for s in SOURCES if s != "jsonld"}

    def boards(self, day: date) -> dict[str, list[str]]:
        out = {s: demo_data.boards_of(s) for s in demo_data.ATS_DEMO_SOURCES}
        # This month's and last month's "Who is hiring?" threads.
        months = [m for m in demo_data.hn_thread_months() if m <= day][-2:]
        out["hn"] = [str(demo_data.hn_thread_id(m)) for m in months]
        out["remotive"] = ["all"]
        out["remoteok"] = ["all"]
        return out

    def jsonld_urls(self, day: date) -> list[str]:
        base = f"{self.url}/d/{day.isoformat()}/jsonld"
        first, second = demo_data.JSONLD_COMPANIES
        return [
            f"{base}/careers/{demo_data.jsonld_site_slug(first)}/",
            f"{base}/careers/{demo_data.jsonld_site_slug(second)}/sitemap.xml",
        ]

    # --- lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> DemoServer:
        self._server.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.stop()

    # --- routing --------------------------------------------------------------------------------
    def _route(self, raw_path: str) -> Reply:
        parts = urlsplit(raw_path)
        if parts.path == "/robots.txt":
            return _html("User-agent: *\nAllow: /\n", "text/plain")
        match = _PATH.match(parts.path)
        if not match:
            return _json({"error": "not found"}, 404)
        day = date.fromisoformat(match.group(1))
        source, rest = match.group(2), match.group(3) or "/"
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        base = f"{self.url}/d/{day.isoformat()}/{source}"
        reply = self._answer(day, source, rest, query, base)
        return (
            reply
            if reply is not None
            else _json(NOT_FOUND.get(source, {"error": "not found"}), 404)
        )

    def _answer(
        self, day: date, source: str, rest: str, query: dict[str, str], base: str
    ) -> Reply | None:
        segments = [s for s in rest.split("/") if s]
        if source == "greenhouse" and len(segments) == 4 and segments[:2] == ["v1", "boards"]:
            data = demo_data.greenhouse_board(day, segments[2])
            return None if data is None else _json(data)
        if source == "lever" and len(segments) == 3 and segments[:2] == ["v0", "postings"]:
            data = demo_data.lever_board(day, segments[2])
            return None if data is None else _json(data)
        if (
            source == "ashby"
            and segments[:2] == ["posting-api", "job-board"]
            and len(segments) == 3
        ):
            data = demo_data.ashby_board(day, segments[2])
            return None if data is None else _json(data)
        if source == "workable" and segments[:4] == ["api", "v1", "widget", "accounts"]:
            data = demo_data.workable_board(day, segments[4]) if len(segments) == 5 else None
            return None if data is None else _json(data)
        if (
            source == "smartrecruiters"
            and segments[:2] == ["v1", "companies"]
            and len(segments) >= 4
        ):
            board = segments[2]
            if len(segments) == 4:
                limit = min(int(query.get("limit", 10)), SMARTRECRUITERS_PAGE_CAP)
                return _json(
                    demo_data.smartrecruiters_list(day, board, int(query.get("offset", 0)), limit)
                )
            detail = demo_data.smartrecruiters_detail(day, board, segments[4])
            return None if detail is None else _json(detail)
        if source == "hn" and segments == ["v1", "search_by_date"]:
            return _json(demo_data.hn_search(day))
        if source == "hn" and len(segments) == 3 and segments[:2] == ["v1", "items"]:
            item = demo_data.hn_item(day, segments[2])
            return None if item is None else _json(item)
        if source == "remotive" and segments == ["api", "remote-jobs"]:
            return _json(demo_data.remotive_jobs(day))
        if source == "remoteok" and segments == ["api"]:
            return _json(demo_data.remoteok_api(day))
        if source == "jsonld" and len(segments) >= 2 and segments[0] == "careers":
            return self._jsonld(day, segments[1:], base)
        return None

    def _jsonld(self, day: date, segments: list[str], base: str) -> Reply | None:
        company = next(
            (c for c in demo_data.JSONLD_COMPANIES if demo_data.jsonld_site_slug(c) == segments[0]),
            None,
        )
        if company is None:
            return None
        if len(segments) == 1:
            return _html(demo_data.jsonld_career_page(day, company, base))
        if segments[1:] == ["sitemap.xml"]:
            return _html(demo_data.jsonld_sitemap(day, company, base), "application/xml")
        if len(segments) == 3 and segments[1] == "jobs" and segments[2].endswith(".html"):
            uid = segments[2].removesuffix(".html")
            if not uid.isdigit():
                return None
            url = f"{base}/careers/{segments[0]}/jobs/{segments[2]}"
            page = demo_data.jsonld_job_page(day, company, int(uid), url)
            return None if page is None else _html(page)
        return None
