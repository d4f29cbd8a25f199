"""The demo boards in the wire format of career pages and sitemaps with schema.org JobPosting markup:
rendered from the demo market (scrapers/demo/market.py), served by scrapers/demo/server.py
(the contract of `boards` and `serve`: scrapers/demo/http.py)."""

from __future__ import annotations

import html
import json
from datetime import date, timedelta
from typing import Any

from scrapers.demo.http import DemoRequest, html_reply
from scrapers.demo.market import COUNTRY_NAMES, ISO2, JSONLD_COMPANIES, DemoPosting, postings_on
from scrapers.loopback import Reply


def _job_posting_ld(p: DemoPosting, page_url: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": p.title,
        "description": p.description_html,
        "identifier": {
            "@type": "PropertyValue",
            "name": p.company,
            "value": f"{p.board[:4].upper()}-{p.uid}",
        },
        "datePosted": p.posted.isoformat(),
        "validThrough": (p.closes or p.posted + timedelta(days=120)).isoformat(),
        "employmentType": "CONTRACTOR"
        if p.employment_type == "Contract"
        else (["FULL_TIME"] if p.employment_type == "Full-time" else "PART_TIME"),
        "hiringOrganization": {
            "@type": "Organization",
            "name": p.company,
            "sameAs": "https://example.com",
        },
        # The canonical public URL of the posting (the crawl reads it from a mirror).
        "url": f"https://careers.{site_slug(p.company)}.example/jobs/{p.uid}",
    }
    if p.remote == "remote":
        node["jobLocationType"] = "TELECOMMUTE"
        node["applicantLocationRequirements"] = {
            "@type": "Country",
            "name": COUNTRY_NAMES[p.country],
        }
    else:
        node["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": p.city,
                "addressRegion": p.region,
                "addressCountry": ISO2[p.country],
            },
        }
    if p.structured_pay and p.pay:
        unit = {"year": "YEAR", "hour": "HOUR", "month": "MONTH"}[p.period]
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": unit}
        if p.uid % 4 == 0:
            value["value"] = p.pay[1]
        else:
            value["minValue"], value["maxValue"] = p.pay
        node["baseSalary"] = {"@type": "MonetaryAmount", "currency": p.currency, "value": value}
    return node


def site_slug(company: str) -> str:
    return company.lower().replace(" ", "")


def career_page(day: date, company: str, base: str) -> str:
    links = "".join(
        f'<li><a href="{base}/careers/{site_slug(company)}/jobs/{p.uid}.html">{html.escape(p.title)}</a></li>'
        for p in postings_on(day, "jsonld", company)
    )
    return (
        f"<!doctype html><html><head><title>Careers at {html.escape(company)}</title></head>"
        f'<body><h1>Open roles</h1><ul>{links}</ul><a href="{base}/about">About</a></body></html>'
    )


def sitemap(day: date, company: str, base: str) -> str:
    locs = "".join(
        f"<url><loc>{base}/careers/{site_slug(company)}/jobs/{p.uid}.html</loc>"
        f"<lastmod>{p.posted.isoformat()}</lastmod></url>"
        for p in postings_on(day, "jsonld", company)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )


def job_page(day: date, company: str, uid: int, page_url: str) -> str | None:
    p = next((x for x in postings_on(day, "jsonld", company) if x.uid == uid), None)
    if p is None:
        return None
    node = _job_posting_ld(p, page_url)
    title = html.escape(p.title)
    if company == "Wordsmith Studio" and uid % 5 == 0:
        # Microdata only: the spider's fallback.
        pay = ""
        if p.structured_pay and p.pay:
            pay = (
                f'<div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">'
                f'<meta itemprop="currency" content="{p.currency}">'
                f'<div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">'
                f'<meta itemprop="minValue" content="{p.pay[0]:.0f}"><meta itemprop="maxValue" content="{p.pay[1]:.0f}">'
                f'<meta itemprop="unitText" content="{node["baseSalary"]["value"]["unitText"]}"></div></div>'
            )
        return (
            f'<!doctype html><html><body><div itemscope itemtype="https://schema.org/JobPosting">'
            f'<h1 itemprop="title">{title}</h1>'
            f'<link itemprop="url" href="{node["url"]}">'
            f'<meta itemprop="datePosted" content="{p.posted.isoformat()}">'
            f'<span itemprop="identifier">{node["identifier"]["value"]}</span>'
            f'<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
            f'<span itemprop="name">{html.escape(company)}</span></div>'
            f'<div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">'
            f'<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
            f'<span itemprop="addressLocality">{html.escape(p.city)}</span>'
            f'<span itemprop="addressCountry">{ISO2[p.country]}</span></div></div>'
            f"{pay}"
            f'<div itemprop="description">{p.description_html}</div></div></body></html>'
        )
    if uid % 2 == 0:
        ld: Any = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "url": page_url, "name": title},
                {k: v for k, v in node.items() if k != "@context"},
            ],
        }
    else:
        ld = [
            {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
            node,
        ]
    script = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body><h1>{title}</h1>{p.description_html}</body></html>"
    )


def boards(day: date, base: str) -> list[str]:
    """Start URLs: the first company's career page and the second one's sitemap."""
    first, second = JSONLD_COMPANIES
    return [
        f"{base}/careers/{site_slug(first)}/",
        f"{base}/careers/{site_slug(second)}/sitemap.xml",
    ]


def serve(request: DemoRequest) -> Reply | None:
    """`/careers/{site}/` (career page), `/careers/{site}/sitemap.xml`, job pages"""
    seg, day, base = request.segments, request.day, request.base
    if len(seg) < 2 or seg[0] != "careers":
        return None
    company = next((c for c in JSONLD_COMPANIES if site_slug(c) == seg[1]), None)
    if company is None:
        return None
    if len(seg) == 2:
        return html_reply(career_page(day, company, base))
    if seg[2:] == ("sitemap.xml",):
        return html_reply(sitemap(day, company, base), "application/xml")
    if len(seg) == 4 and seg[2] == "jobs" and seg[3].endswith(".html"):
        uid = seg[3].removesuffix(".html")
        if not uid.isdigit():
            return None
        page = job_page(day, company, int(uid), f"{base}/careers/{seg[1]}/jobs/{seg[3]}")
        return None if page is None else html_reply(page)
    return None
