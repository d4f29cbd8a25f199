"""The demo boards in the wire format of Remotive's remote-jobs API:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest, json_reply
from scrapers.demo.market import COUNTRY_NAMES, DemoPosting, money, postings_on
from scrapers.loopback import Reply


def _category(p: DemoPosting) -> str:
    if p.family == "other" and "Account" in p.title:
        return "Sales"
    if p.family == "other" and "Customer" in p.title:
        return "Customer Service"
    if "Writer" in p.title or "Trainer" in p.title:
        return "Writing"
    if "Analyst" in p.title:
        return "Data Analysis"
    return "AI / ML" if p.family != "other" else "Software Development"


def remote_jobs(day: date) -> dict[str, Any]:
    jobs = []
    for p in postings_on(day, "remotive"):
        slug = p.title.lower().replace(" ", "-").replace(",", "").replace("(", "").replace(")", "")
        salary = ""
        if p.pay:
            salary = (
                f"{money(p.pay[0], p.currency, short=True)} - {money(p.pay[1], p.currency, short=True)}"
                if p.period == "year"
                else f"{money(p.pay[1], p.currency)}/hour"
            )
        jobs.append(
            {
                "id": 2_090_000 + p.uid,
                "url": f"https://remotive.com/remote-jobs/software-dev/{slug}-{2_090_000 + p.uid}",
                "title": p.title,
                "company_name": p.company,
                "company_logo": f"https://remotive.com/job/{2_090_000 + p.uid}/logo",
                "category": _category(p),
                "tags": list(p.tags[:4]),
                "job_type": "contract" if p.employment_type == "Contract" else "full_time",
                "publication_date": f"{p.posted.isoformat()}T06:35:18",
                "candidate_required_location": "USA"
                if p.country == "US"
                else COUNTRY_NAMES[p.country],
                "salary": salary,
                "description": p.description_html,
                "company_logo_url": f"https://remotive.com/job/{2_090_000 + p.uid}/logo",
            }
        )
    return {
        "0-legal-notice": "Remotive API Legal Notice: please link back to Remotive and mention "
        "Remotive as the source of the jobs. Demo data written by promptjobs.",
        "job-count": len(jobs),
        "total-job-count": len(jobs),
        "jobs": jobs,
    }


def boards(day: date, base: str) -> list[str]:
    return ["all"]


def serve(request: DemoRequest) -> Reply | None:
    """`GET /api/remote-jobs`"""
    if request.segments == ("api", "remote-jobs"):
        return json_reply(remote_jobs(request.day))
    return None
