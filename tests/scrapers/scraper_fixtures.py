"""Small fixtures written by us in each source's exact wire format (field names, nesting,
escaping as the real APIs send them), and a loopback route that serves them with faults."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from scrapers.loopback import Reply

# The newer families' own fixtures (each source folder's tests/fixtures), served as the mirror
# form `/{board}/...` of their one-host-per-employer APIs (scrapers/sources/hosted.py).
_SOURCES = Path(__file__).resolve().parents[2] / "scrapers" / "sources"


def _fixture(source: str, name: str) -> bytes:
    return (_SOURCES / source / "tests" / "fixtures" / name).read_bytes()


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

LEVER_POSTINGS = [
    {
        "additionalPlain": "We offer equity and 25 days of holiday.\n",
        "additional": "<div>We offer equity and 25 days of holiday.</div>",
        "categories": {
            "commitment": "Full Time",
            "department": "R&D",
            "location": "Berlin",
            "team": "AI",
            "allLocations": ["Berlin"],
        },
        "createdAt": 1788000000000,
        "descriptionPlain": "Fjord builds document AI.\n",
        "description": "<div>Fjord builds document AI.</div>",
        "id": "0b018763-081f-4e64-90e9-d36945025cbc",
        "lists": [{"text": "Requirements", "content": "<li>4+ years of NLP</li><li>Python</li>"}],
        "salaryRange": {
            "min": 70000,
            "max": 90000,
            "currency": "EUR",
            "interval": "per-year-salary",
        },
        "salaryDescriptionPlain": "Base salary.",
        "text": "Conversation Designer",
        "country": "DE",
        "workplaceType": "hybrid",
        "hostedUrl": "https://jobs.lever.co/fjord/0b018763-081f-4e64-90e9-d36945025cbc",
        "applyUrl": "https://jobs.lever.co/fjord/0b018763-081f-4e64-90e9-d36945025cbc/apply",
    },
    {
        "categories": {"commitment": "Contract", "location": "Remote - US", "team": "Data"},
        "createdAt": 1788100000000,
        "descriptionPlain": "Rate the answers of our model.",
        "description": "<div>Rate the answers of our model.</div>",
        "id": "2c3d5a77-1111-4e64-90e9-d36945025cbc",
        "lists": [],
        "salaryRange": {"min": 40, "max": 55, "currency": "USD", "interval": "per-hour-wage"},
        "text": "AI Data Trainer",
        "workplaceType": "remote",
        "hostedUrl": "https://jobs.lever.co/fjord/2c3d5a77-1111-4e64-90e9-d36945025cbc",
    },
]

ASHBY_BOARD = {
    "jobs": [
        {
            "id": "63df0ffc-bdc6-40ba-906f-fe03378536b0",
            "title": "Applied AI Engineer",
            "department": "Product",
            "team": "AI",
            "employmentType": "FullTime",
            "location": "New York, NY",
            "secondaryLocations": [],
            "publishedAt": "2026-08-07T22:26:44.294+00:00",
            "isListed": True,
            "isRemote": False,
            "workplaceType": "Hybrid",
            "jobUrl": "https://jobs.ashbyhq.com/promptly/63df0ffc-bdc6-40ba-906f-fe03378536b0",
            "applyUrl": "https://jobs.ashbyhq.com/promptly/63df0ffc-bdc6-40ba-906f-fe03378536b0/application",
            "descriptionHtml": "<p>Build RAG features.</p>",
            "descriptionPlain": "Build RAG features.",
            "compensation": {
                "compensationTierSummary": "$170K – $230K • Offers Equity",
                "scrapeableCompensationSalarySummary": "$170K - $230K",
                "compensationTiers": [],
                "summaryComponents": [
                    {
                        "compensationType": "EquityCashValue",
                        "interval": "1 YEAR",
                        "currencyCode": "USD",
                        "minValue": None,
                        "maxValue": None,
                    },
                    {
                        "compensationType": "Commission",
                        "interval": "1 YEAR",
                        "currencyCode": "USD",
                        "minValue": 20000,
                        "maxValue": 40000,
                    },
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "USD",
                        "minValue": 170000,
                        "maxValue": 230000,
                    },
                ],
            },
        },
        {
            "id": "7777aaaa-bdc6-40ba-906f-fe03378536b0",
            "title": "Internal transfer",
            "location": "New York, NY",
            "isListed": False,
            "jobUrl": "https://jobs.ashbyhq.com/promptly/7777",
            "descriptionPlain": "Not public.",
        },
    ],
    "apiVersion": "1",
}

WORKABLE_ACCOUNT = {
    "name": "Babel Voice",
    "description": None,
    "jobs": [
        {
            "title": "LLM Evaluation Specialist",
            "shortcode": "4EEBAB",
            "code": "",
            "employment_type": "Full-time",
            "telecommuting": True,
            "department": "AI",
            "url": "https://apply.workable.com/j/4EEBAB",
            "shortlink": "https://apply.workable.com/j/4EEBAB",
            "application_url": "https://apply.workable.com/j/4EEBAB/apply",
            "published_on": "2026-08-30",
            "created_at": "2026-08-30",
            "country": "United Kingdom",
            "city": "London",
            "state": "England",
            "locations": [
                {
                    "country": "United Kingdom",
                    "countryCode": "GB",
                    "city": "London",
                    "region": "England",
                    "hidden": False,
                }
            ],
            "description": "<p>Salary: £60,000 - £75,000 per annum.</p>",
        }
    ],
}


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
    def comment(cid: int, text: str | None, author: str | None = "founder") -> dict[str, Any]:
        return {
            "author": author,
            "children": [],
            "created_at": "2026-09-01T15:05:00.000Z",
            "created_at_i": 1788275100,
            "id": cid,
            "options": [],
            "parent_id": 48900001,
            "points": None,
            "story_id": 48900001,
            "text": text,
            "title": None,
            "type": "comment",
            "url": None,
        }

    first = comment(
        49000001,
        "Quillstone | Senior Prompt Engineer | New York, NY | Hybrid | Full-time | $180k-$220k"
        '<p>We&#x27;re building writing tools.<p>Apply: <a href="https:&#x2F;&#x2F;quill.example"'
        ' rel="nofollow">https:&#x2F;&#x2F;quill.example</a>',
    )
    first["children"] = [comment(49000009, "Do you sponsor visas?", "asker")]
    return {
        "id": 48900001,
        "title": "Ask HN: Who is hiring? (September 2026)",
        "type": "story",
        "author": "whoishiring",
        "created_at": "2026-09-01T15:01:21.000Z",
        "children": [
            first,
            comment(49000002, "Tiderun | ML Engineer | REMOTE (EU) | Contract<p>PyTorch, NLP."),
            comment(49000003, None, None),  # deleted
        ],
    }


REMOTIVE = {
    "0-legal-notice": "Remotive API Legal Notice (fixture written by promptjobs)",
    "job-count": 2,
    "jobs": [
        {
            "id": 2090989,
            "url": "https://remotive.com/remote-jobs/ai-ml/prompt-engineer-2090989",
            "title": "Prompt Engineer",
            "company_name": "Driftwood Labs",
            "company_logo": "",
            "category": "AI / ML",
            "tags": ["llm"],
            "job_type": "full_time",
            "publication_date": "2026-09-02T06:35:18",
            "candidate_required_location": "USA",
            "salary": "$150k - $180k",
            "description": "<p>Prompts all day.</p>",
        },
        {
            "id": 2090990,
            "url": "https://remotive.com/remote-jobs/medical/nurse-2090990",
            "title": "Nurse Educator",
            "company_name": "Care Co",
            "company_logo": "",
            "category": "Medical",
            "tags": [],
            "job_type": "full_time",
            "publication_date": "2026-09-02T06:35:18",
            "candidate_required_location": "USA",
            "salary": "",
            "description": "<p>Not tech.</p>",
        },
    ],
}

REMOTEOK = [
    {"last_updated": 1788300000, "legal": "API Terms of Service: Please link back ... (fixture)"},
    {
        "slug": "remote-llm-engineer-echo-forms-1130788",
        "id": "1130788",
        "epoch": 1788220803,
        "date": "2026-09-01T00:00:03+00:00",
        "company": "Echo Forms",
        "company_logo": "",
        "position": "LLM Engineer",
        "tags": ["llm", "python"],
        "description": "<p>Build agents.</p>",
        "location": "",
        "apply_url": "https://remoteOK.com/remote-jobs/remote-llm-engineer-echo-forms-1130788",
        "salary_min": 160000,
        "salary_max": 200000,
        "logo": "",
        "url": "https://remoteOK.com/remote-jobs/remote-llm-engineer-echo-forms-1130788",
    },
    {
        "slug": "remote-sales-1130789",
        "id": "1130789",
        "epoch": 1788220803,
        "date": "2026-09-01T00:00:03+00:00",
        "company": "Sellers",
        "position": "Sales Rep",
        "tags": ["sales", "non tech"],
        "description": "<p>Sell.</p>",
        "location": "",
        "salary_min": 0,
        "salary_max": 0,
        "url": "https://remoteOK.com/remote-jobs/remote-sales-1130789",
    },
]

JOBPOSTING = {
    "@type": "JobPosting",
    "title": "Conversation Designer",
    "description": "<p>Design voice flows.</p>",
    "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "ACME-7"},
    "datePosted": "2026-08-28",
    "employmentType": ["FULL_TIME"],
    "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics"},
    "jobLocationType": "TELECOMMUTE",
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "GBP",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 50000,
            "maxValue": 65000,
            "unitText": "YEAR",
        },
    },
    "url": "https://careers.acme.example/jobs/7",
}


def career_page(base: str) -> str:
    return (
        f'<html><body><a href="{base}/careers/jobs/7.html">Conversation Designer</a>'
        f'<a href="{base}/careers/jobs/8.html">Trainer</a><a href="{base}/about">About</a></body></html>'
    )


def job_page_graph() -> str:
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, JOBPOSTING]}
    return f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head></html>'


def job_page_microdata() -> str:
    return (
        '<html><body><div itemscope itemtype="https://schema.org/JobPosting">'
        '<h1 itemprop="title">AI Trainer</h1><span itemprop="identifier">ACME-8</span>'
        '<meta itemprop="datePosted" content="2026-08-29">'
        '<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Acme Robotics</span></div>'
        '<div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">'
        '<meta itemprop="currency" content="USD">'
        '<div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">'
        '<meta itemprop="value" content="35"><meta itemprop="unitText" content="HOUR"></div></div>'
        '<div itemprop="description">Rank answers.</div></div></body></html>'
    )


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
