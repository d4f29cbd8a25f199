"""The archive source's demo renderer: job pages written by us in the shapes the ATS families serve them (for the loopback archive
server, the tests and the benchmark): schema.org JSON-LD inside the HTML with the
description entity-escaped the way Greenhouse escapes it, and pages without JSON-LD that
carry the posting only in their own HTML (Greenhouse's classic board page, Lever's posting
page) or in the app's embedded data (Ashby's `window.__appData`).

The archive is not served by the demo boards (the demo crawls today's boards; a backfill
reads the past): `boards()` is empty and `serve()` answers nothing. Archived captures of
these pages are served by `scrapers.sources.archive.replay.ArchiveReplay`."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from scrapers.demo.http import DemoRequest
from scrapers.items import html_to_text
from scrapers.loopback import Reply


def boards(day: date, base: str) -> list[str]:
    return []


def serve(request: DemoRequest) -> Reply | None:
    return None


@dataclass(frozen=True)
class DemoJob:
    ats: str
    board: str
    job_id: str
    company: str
    title: str
    city: str
    region: str
    country: str
    description_html: str
    date_posted: str
    valid_through: str | None = None
    salary: tuple[int, int, str, str] | None = None  # min, max, currency, unit (YEAR, HOUR)
    remote: bool = False

    @property
    def url(self) -> str:
        return {
            "greenhouse": f"https://boards.greenhouse.io/{self.board}/jobs/{self.job_id}",
            "lever": f"https://jobs.lever.co/{self.board}/{self.job_id}",
            "ashby": f"https://jobs.ashbyhq.com/{self.board}/{self.job_id}",
            "workable": f"https://apply.workable.com/{self.board}/j/{self.job_id}/",
            "smartrecruiters": f"https://jobs.smartrecruiters.com/{self.board}/{self.job_id}-"
            + "-".join(self.title.lower().split()),
            "workday": self._workday_url(),
        }[self.ats]

    def _workday_url(self) -> str:
        """`https://{tenant}.{wdN}.myworkdayjobs.com/{site}/job/{location}/{title}_{req id}`
        (board `tenant.wdN.site`)."""
        if self.ats != "workday":
            return ""
        tenant, dc, site = self.board.split(".", 2)
        place = "-".join(f"{self.country} {self.region} {self.city}".split())
        title = "-".join("".join(c if c.isalnum() else " " for c in self.title).split())
        return f"https://{tenant}.{dc}.myworkdayjobs.com/{site}/job/{place}/{title}_{self.job_id}"

    @property
    def location(self) -> str:
        return f"{self.city}, {self.region}"


def job_posting_jsonld(job: DemoJob, *, escape_description: bool) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": html.escape(job.description_html, quote=False)
        if escape_description
        else job.description_html,
        "datePosted": job.date_posted,
        "identifier": {"@type": "PropertyValue", "name": job.company, "value": job.job_id},
        "hiringOrganization": {"@type": "Organization", "name": job.company},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": job.city,
                "addressRegion": job.region,
                "addressCountry": job.country,
            },
        },
        "employmentType": "FULL_TIME",
    }
    if job.valid_through:
        node["validThrough"] = job.valid_through
    if job.remote:
        node["jobLocationType"] = "TELECOMMUTE"
    if job.salary:
        lo, hi, currency, unit = job.salary
        node["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": lo,
                "maxValue": hi,
                "unitText": unit,
            },
        }
    return node


def _script(node: dict[str, Any]) -> str:
    # `</` inside a script would end it: JSON-LD writers escape the slash.
    text = json.dumps(node, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def greenhouse_page(job: DemoJob, *, jsonld: bool = True) -> str:
    head = _script(job_posting_jsonld(job, escape_description=True)) if jsonld else ""
    e = html.escape
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Job Application for {e(job.title)} at {e(job.company)}</title>{head}</head>"
        '<body><div id="app_body"><div id="header">'
        f'<h1 class="app-title">{e(job.title)}</h1>'
        f'<span class="company-name">at {e(job.company)}</span>'
        f'<div class="location">{e(job.location)}</div></div>'
        f'<div id="content">{job.description_html}</div>'
        '<div id="application"><form id="application_form"></form></div></div></body></html>'
    )


def lever_page(job: DemoJob, *, jsonld: bool = True) -> str:
    head = _script(job_posting_jsonld(job, escape_description=False)) if jsonld else ""
    e = html.escape
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f'<meta property="og:site_name" content="{e(job.company)}">'
        f"<title>{e(job.company)} - {e(job.title)}</title>{head}</head>"
        '<body><div class="content-wrapper posting-page"><div class="posting-headline">'
        f'<h2>{e(job.title)}</h2><div class="posting-categories">'
        f'<div class="sort-by-time posting-category medium-category-label location">{e(job.location)}</div>'
        '<div class="sort-by-commitment posting-category medium-category-label commitment">Full-time</div>'
        "</div></div>"
        f'<div class="section page-centered" data-qa="job-description">{job.description_html}</div>'
        '<div class="section page-centered last-section-apply">'
        f'<a class="postings-btn" href="{e(job.url)}/apply">Apply for this job</a></div>'
        "</div></body></html>"
    )


def ashby_page(job: DemoJob, *, jsonld: bool = True) -> str:
    head = _script(job_posting_jsonld(job, escape_description=False)) if jsonld else ""
    app_data = {
        "organization": {"name": job.company, "hostedJobsPageSlug": job.board},
        "posting": {
            "id": job.job_id,
            "title": job.title,
            "descriptionHtml": job.description_html,
            "locationName": job.city,
            "isRemote": job.remote,
            "employmentType": "FullTime",
            "publishedDate": job.date_posted,
        },
    }
    data = json.dumps(app_data, ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(job.title)} @ {html.escape(job.company)}</title>{head}</head>"
        '<body><div id="root"></div>'
        f"<script>window.__appData = {data};</script></body></html>"
    )


def jsonld_only_page(job: DemoJob) -> str:
    """Workable and SmartRecruiters: a script-rendered page whose data is the JSON-LD."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(job.title)} - {html.escape(job.company)}</title>"
        f"{_script(job_posting_jsonld(job, escape_description=False))}</head>"
        '<body><div id="app">Loading...</div></body></html>'
    )


def workday_page(job: DemoJob, *, jsonld: bool = True) -> str:
    """A Workday career site's job page as crawlers get it: the app shell (`<div id="root">`
    filled by the site's script), Open Graph tags and the JobPosting JSON-LD, whose
    description is plain text and whose identifier is the requisition id. Without the
    JSON-LD the page holds no posting (the app draws it in the browser)."""
    e = html.escape
    node = job_posting_jsonld(job, escape_description=False)
    node["description"] = html_to_text(job.description_html)
    node["identifier"] = {"@type": "PropertyValue", "name": job.title, "value": job.job_id}
    node["jobLocation"]["address"] = {
        "@type": "PostalAddress",
        "addressLocality": f"{job.city}, {job.region}",
        "addressCountry": job.country,
    }
    head = _script(node) if jsonld else ""
    summary = e(html_to_text(job.description_html)[:150])
    return (
        '<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">'
        f"<title>{e(job.title)}</title>"
        f'<meta name="description" content="{summary}">'
        f'<meta property="og:title" content="{e(job.title)}">'
        f'<meta property="og:description" content="{summary}">'
        f'<meta property="og:url" content="{e(job.url)}">'
        f"{head}</head>"
        '<body><div id="root"></div><noscript>Please enable JavaScript.</noscript>'
        '<script src="/wday/asset/client/main.js"></script></body></html>'
    )


def job_page_html(job: DemoJob, *, jsonld: bool = True) -> str:
    if job.ats == "greenhouse":
        return greenhouse_page(job, jsonld=jsonld)
    if job.ats == "lever":
        return lever_page(job, jsonld=jsonld)
    if job.ats == "ashby":
        return ashby_page(job, jsonld=jsonld)
    if job.ats == "workday":
        return workday_page(job, jsonld=jsonld)
    return jsonld_only_page(job)


def closed_page(company: str) -> str:
    """What an ATS answers for a job that is gone (captured with status 200)."""
    return (
        "<!DOCTYPE html><html><head><title>Job not found</title></head><body>"
        f"<h1>The job you are looking for is no longer open at {html.escape(company)}.</h1>"
        "</body></html>"
    )
