"""Small fixtures written by us in each source's exact wire format (field names, nesting,
escaping as the real APIs send them), and a loopback route that serves them with faults.
The per-source files live with their source (scrapers/sources/<name>/tests/fixtures/); the
cross-source fault tests here read them from there."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from scrapers.loopback import Reply

SOURCES_DIR = Path(__file__).resolve().parents[2] / "scrapers" / "sources"


def source_fixture_text(source: str, name: str) -> str:
    """One of a source's own fixtures, `scrapers/sources/<source>/tests/fixtures/<name>`."""
    return (SOURCES_DIR / source / "tests" / "fixtures" / name).read_text(encoding="utf-8")


def source_fixture(source: str, name: str) -> Any:
    return json.loads(source_fixture_text(source, name))


def _fixture(source: str, name: str) -> bytes:
    """A source's fixture as bytes; the newer families' fixtures are served as the mirror
    form `/{board}/...` of their one-host-per-employer APIs (scrapers/sources/hosted.py)."""
    return (SOURCES_DIR / source / "tests" / "fixtures" / name).read_bytes()


# Small timeouts so the fault tests finish quickly (settable per crawl).
FAST = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 1,
    "RETRY_BACKOFF_BASE": 0.05,
    "DOWNLOAD_MAXSIZE": 200_000,
}


GREENHOUSE_CONTENT = (
    "<h2>About the role</h2><p>You will design prompts &amp; evaluations for our assistant.</p>"
    "<ul><li>3+ years of experience with Python</li><li>RAG and LangChain</li></ul>"
)


def greenhouse_job(job_id: int, title: str, **extra: Any) -> dict[str, Any]:
    job = {
        "absolute_url": f"https://job-boards.greenhouse.io/acme/jobs/{job_id}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False}],
        "internal_job_id": 4_000_000 + job_id,
        "location": {"name": "San Francisco, CA"},
        "metadata": None,
        "id": job_id,
        "updated_at": "2026-09-01T10:00:00-04:00",
        "requisition_id": "R-1",
        "title": title,
        "company_name": "Acme AI",
        "first_published": "2026-08-20T09:30:00-04:00",
        "language": "en",
        "content": html.escape(GREENHOUSE_CONTENT),
        "departments": [{"id": 1, "name": "AI", "child_ids": [], "parent_id": None}],
        "offices": [
            {
                "id": 2,
                "name": "SF",
                "location": "San Francisco, CA",
                "child_ids": [],
                "parent_id": None,
            }
        ],
        "pay_input_ranges": [],
    }
    job.update(extra)
    return job


GREENHOUSE_BOARD = {
    "jobs": [
        greenhouse_job(
            101,
            "Senior Prompt Engineer",
            pay_input_ranges=[
                {
                    "min_cents": 19000000,
                    "max_cents": 26000000,
                    "currency_type": "USD",
                    "title": "Zone A",
                    "blurb": "",
                    "description": "",
                },
                {
                    "min_cents": 16000000,
                    "max_cents": 22000000,
                    "currency_type": "USD",
                    "title": "Zone B",
                    "blurb": "",
                    "description": "",
                },
            ],
        ),
        greenhouse_job(
            102,
            "AI Trainer",
            pay_input_ranges=[
                {
                    "min_cents": 3000,
                    "max_cents": 4500,
                    "currency_type": "USD",
                    "title": "US",
                    "blurb": "",
                    "description": "",
                }
            ],
        ),
        greenhouse_job(103, "Account Executive"),
        # Missing title: invalid, dropped and counted; the rest of the board lands.
        greenhouse_job(104, ""),
    ],
    "meta": {"total": 4},
}

LEVER_POSTINGS = source_fixture("lever", "lever_postings.json")

ASHBY_BOARD = source_fixture("ashby", "ashby_board.json")

WORKABLE_ACCOUNT = source_fixture("workable", "workable_account.json")


def smartrecruiters_list_row(posting_id: str, name: str) -> dict[str, Any]:
    return {
        "id": posting_id,
        "name": name,
        "uuid": "8afda9a7-8141-444a-870c-6741483daab1",
        "refNumber": "REF1",
        "company": {"identifier": "GlobexBank", "name": "Globex Bank"},
        "releasedDate": "2026-08-17T07:35:02.787Z",
        "location": {
            "city": "Austin",
            "region": "TX",
            "country": "us",
            "remote": False,
            "hybrid": True,
            "fullLocation": "Austin, TX, United States",
        },
        "typeOfEmployment": {"id": "permanent", "label": "Full-time"},
        "ref": f"https://api.smartrecruiters.com/v1/companies/GlobexBank/postings/{posting_id}",
    }


def smartrecruiters_detail(posting_id: str, name: str, comp: dict | None) -> dict[str, Any]:
    row = smartrecruiters_list_row(posting_id, name)
    row.update(
        {
            "postingUrl": f"https://jobs.smartrecruiters.com/GlobexBank/{posting_id}",
            "jobAd": {
                "sections": {
                    "companyDescription": {
                        "title": "Company Description",
                        "text": "<p>A bank.</p>",
                    },
                    "jobDescription": {"title": "Job Description", "text": "<p>Write prompts.</p>"},
                    "qualifications": {"title": "Qualifications", "text": "<ul><li>SQL</li></ul>"},
                    "additionalInformation": {"title": "Additional Information", "text": ""},
                }
            },
            "active": True,
        }
    )
    if comp is not None:
        row["compensation"] = comp
    return row


SR_IDS = ["744000000000001", "744000000000002", "744000000000003"]


def hn_search() -> dict[str, Any]:
    def hit(object_id: str, title: str, created_i: int) -> dict[str, Any]:
        return {
            "_tags": ["story", "author_whoishiring", f"story_{object_id}"],
            "author": "whoishiring",
            "created_at": "2026-09-01T15:01:21Z",
            "created_at_i": created_i,
            "num_comments": 300,
            "objectID": object_id,
            "points": 300,
            "story_id": int(object_id),
            "title": title,
        }

    return {
        "hits": [
            # Same bot, same minute: only the first is a hiring thread.
            hit("48900003", "Ask HN: Freelancer? Seeking freelancer? (September 2026)", 1788274881),
            hit("48900002", "Ask HN: Who wants to be hired? (September 2026)", 1788274881),
            hit("48900001", "Ask HN: Who is hiring? (September 2026)", 1788274881),
            hit("48700001", "Ask HN: Who is hiring? (August 2026)", 1785596481),
        ],
        "hitsPerPage": 30,
        "nbHits": 4,
        "nbPages": 1,
        "page": 0,
        "query": "",
        "params": "tags=story%2Cauthor_whoishiring&hitsPerPage=30",
    }


def hn_item() -> dict[str, Any]:
    return source_fixture("hn", "hn_item.json")


REMOTIVE = source_fixture("remotive", "remotive_jobs.json")

REMOTEOK = source_fixture("remoteok", "remoteok_api.json")

JOBPOSTING = source_fixture("jsonld", "jobposting.json")


def career_page(base: str) -> str:
    return (
        f'<html><body><a href="{base}/careers/jobs/7.html">Conversation Designer</a>'
        f'<a href="{base}/careers/jobs/8.html">Trainer</a><a href="{base}/about">About</a></body></html>'
    )


def job_page_graph() -> str:
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, JOBPOSTING]}
    return f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head></html>'


def job_page_microdata() -> str:
    return source_fixture_text("jsonld", "job_page_microdata.html")


def js(obj: Any, status: int = 200, **headers: str) -> Reply:
    return Reply(status=status, body=json.dumps(obj).encode(), headers=headers)


class FixtureRoutes:
    """Routes for every source, plus faulty greenhouse boards. Counts calls per path."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.base = ""
        self.always_fail: set[str] = set()

    def _count(self, path: str) -> int:
        self.calls[path] = self.calls.get(path, 0) + 1
        return self.calls[path]

    def __call__(self, raw: str) -> Reply:
        path, _, query = raw.partition("?")
        n = self._count(path)
        if path == "/robots.txt":
            return Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        if path in self.always_fail:
            return js({"error": "boom"}, 500)
        # --- greenhouse, with faults ---
        if path == "/v1/boards/acme/jobs":
            return js(GREENHOUSE_BOARD)
        if path == "/v1/boards/ratelimited/jobs":
            if n == 1:
                return js({"error": "slow down"}, 429, **{"Retry-After": "1"})
            return js(
                {"jobs": [greenhouse_job(201, "LLM Evaluation Specialist")], "meta": {"total": 1}}
            )
        if path == "/v1/boards/flaky/jobs":
            if n == 1:
                return js({"error": "oops"}, 500)
            return js({"jobs": [greenhouse_job(301, "AI Engineer")], "meta": {"total": 1}})
        if path == "/v1/boards/slow/jobs":
            return Reply(body=b'{"jobs": []}', delay=2.5)
        if path == "/v1/boards/truncated/jobs":
            return Reply(body=json.dumps(GREENHOUSE_BOARD).encode()[:300])
        if path == "/v1/boards/htmlpage/jobs":
            return Reply(
                body=b"<!doctype html><html><body>Maintenance</body></html>",
                content_type="text/html; charset=utf-8",
            )
        if path == "/v1/boards/huge/jobs":
            return Reply(body=b'{"jobs": [' + b'{"id": 1},' * 40_000 + b'{"id": 2}]}')
        # --- lever, ashby, workable ---
        if path == "/v0/postings/fjord":
            return js(LEVER_POSTINGS)
        if path == "/posting-api/job-board/promptly":
            return js(ASHBY_BOARD)
        if path == "/api/v1/widget/accounts/babelvoice":
            return js(WORKABLE_ACCOUNT)
        # --- smartrecruiters: two pages of list, then details ---
        if path == "/v1/companies/GlobexBank/postings":
            offset = int(dict(p.split("=") for p in query.split("&") if "=" in p).get("offset", 0))
            rows = [smartrecruiters_list_row(i, f"Role {i[-1]}") for i in SR_IDS]
            page = rows[offset : offset + 2]
            return js({"offset": offset, "limit": 2, "totalFound": len(rows), "content": page})
        if path == "/v1/companies/Nobody/postings":
            return js({"offset": 0, "limit": 100, "totalFound": 0, "content": []})
        if path.startswith("/v1/companies/GlobexBank/postings/"):
            pid = path.rsplit("/", 1)[1]
            if pid == SR_IDS[2]:
                return js({"message": "gone"}, 404)
            comp = (
                {"min": 34, "max": 47, "currency": "USD", "period": "HOURLY"}
                if pid == SR_IDS[0]
                else None
            )
            return js(smartrecruiters_detail(pid, f"Role {pid[-1]}", comp))
        # --- the newer families (Workday's search is a POST: see `post`) ---
        if path.startswith("/wday/cxs/orbitbank/Orbit_Careers/job/"):
            if path.endswith("_R-20417"):
                return Reply(body=_fixture("workday", "workday_job_detail.json"))
            return js({"errorCode": "HTTP_404"}, 404)
        if path == "/parfait/api/offers/":
            return Reply(body=_fixture("recruitee", "recruitee_offers.json"))
        if path == "/brezel/xml":
            return Reply(
                body=_fixture("personio", "personio_feed.xml"), content_type="application/xml"
            )
        if path == "/woodland/careers/list":
            return Reply(body=_fixture("bamboohr", "bamboohr_list.json"))
        if path.startswith("/woodland/careers/") and path.endswith("/detail"):
            job_id = path.split("/")[3]
            if job_id in ("57", "61"):
                return Reply(body=_fixture("bamboohr", f"bamboohr_detail_{job_id}.json"))
        if path == "/caribougames/json":
            return Reply(body=_fixture("breezy", "breezy_positions.json"))
        # --- hn ---
        if path == "/v1/search_by_date":
            return js(hn_search())
        if path == "/v1/items/48900001":
            return js(hn_item())
        if path == "/v1/items/48700001":
            august = hn_item()
            august.update(id=48700001, title="Ask HN: Who is hiring? (August 2026)")
            august["children"] = [dict(august["children"][1], id=48800002, parent_id=48700001)]
            return js(august)
        # --- remotive, remoteok ---
        if path == "/api/remote-jobs":
            return js(REMOTIVE)
        if path == "/api":
            return js(REMOTEOK)
        # --- schema.org career site ---
        if path == "/careers/":
            return Reply(body=career_page(self.base).encode(), content_type="text/html")
        if path == "/careers/jobs/7.html":
            return Reply(body=job_page_graph().encode(), content_type="text/html")
        if path == "/careers/jobs/8.html":
            return Reply(body=job_page_microdata().encode(), content_type="text/html")
        if path == "/sitemap.xml":
            body = (
                f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{self.base}/careers/jobs/7.html</loc></url></urlset>"
            )
            return Reply(body=body.encode(), content_type="application/xml")
        return js({"status": 404, "error": "Not found"}, 404)

    def post(self, raw: str, body: bytes) -> Reply:
        """POST answers: Workday's CXS search, 20 postings a page like Workday."""
        path = raw.partition("?")[0]
        self._count(path)
        if path == "/wday/cxs/orbitbank/Orbit_Careers/jobs":
            query = json.loads(body or b"{}")
            page = json.loads(_fixture("workday", "workday_jobs.json"))
            if int(query.get("offset", 0)) > 0:
                page["jobPostings"] = []
            return Reply(body=json.dumps(page).encode())
        return Reply(status=404, body=b'{"errorCode": "HTTP_404"}')
