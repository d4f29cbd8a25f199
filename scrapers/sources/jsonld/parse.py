"""schema.org JobPosting markup (JSON-LD, microdata) -> posting items: pure functions, no Scrapy request or network
(the spider, spider.py, fetches; these parse)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapers.items import PostingItem, build_posting, clean_str, iso_date_str, make_range


def board_of(url: str) -> str:
    """The site's host name. The port is left out, so a mirror on a new port (the demo's
    loopback server) is still the same board."""
    return (urlsplit(url).hostname or "site").lower()


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return [str(v).rsplit("/", 1)[-1] for v in values]


def find_job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every JobPosting node in a JSON-LD document: top level, arrays, `@graph`."""
    if isinstance(data, list):
        for entry in data:
            yield from find_job_postings(entry)
    elif isinstance(data, dict):
        if "JobPosting" in _types(data):
            yield data
        for key in ("@graph", "itemListElement", "item"):
            if key in data:
                yield from find_job_postings(data[key])


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        return clean_str(value.get("name") or value.get("@value") or value.get("value"))
    if isinstance(value, list):
        return _text(value[0]) if value else None
    return clean_str(value)


def _identifier(value: Any) -> str | None:
    if isinstance(value, dict):
        return clean_str(value.get("value") or value.get("@value") or value.get("name"))
    if isinstance(value, list):
        return _identifier(value[0]) if value else None
    return clean_str(value)


def _location(value: Any) -> str | None:
    places = value if isinstance(value, list) else [value]
    names = []
    for place in places:
        if not isinstance(place, dict):
            if clean_str(place):
                names.append(clean_str(place))
            continue
        address = place.get("address")
        if isinstance(address, dict):
            parts = [
                _text(address.get(k))
                for k in ("addressLocality", "addressRegion", "addressCountry")
            ]
            if any(parts):
                names.append(", ".join(p for p in parts if p))
                continue
        if _text(address) or _text(place.get("name")):
            names.append(_text(address) or _text(place.get("name")))
    return "; ".join(n for n in names if n) or None


def salary_ranges(posting: dict[str, Any]) -> list[dict[str, Any]]:
    """`baseSalary` MonetaryAmount (with a QuantitativeValue or a bare number) -> ranges."""
    salaries = posting.get("baseSalary")
    out = []
    for salary in salaries if isinstance(salaries, list) else [salaries]:
        if not isinstance(salary, dict):
            continue
        currency = salary.get("currency")
        value = salary.get("value")
        if isinstance(value, dict):
            lo = value.get("minValue", value.get("value"))
            hi = value.get("maxValue", value.get("value"))
            unit = value.get("unitText") or salary.get("unitText")
        else:
            lo = hi = value
            unit = salary.get("unitText")
        raw = json.dumps(salary, ensure_ascii=False, sort_keys=True)
        rng = make_range(lo, hi, currency, unit, raw)
        if rng:
            out.append(rng)
    return out


def parse_job_posting(
    posting: dict[str, Any], page_url: str, board: str, fetched_at: str
) -> PostingItem:
    url = clean_str(posting.get("url")) or page_url
    location_type = str(posting.get("jobLocationType") or "").upper()
    employment = posting.get("employmentType")
    if isinstance(employment, list):
        employment = ", ".join(str(e) for e in employment)
    description = posting.get("description")
    return build_posting(
        source="jsonld",
        board=board,
        source_id=_identifier(posting.get("identifier")) or urljoin(page_url, url),
        url=urljoin(page_url, url),
        company=_text(posting.get("hiringOrganization")) or board,
        title=_text(posting.get("title")),
        location_raw=_location(posting.get("jobLocation"))
        or _text(posting.get("applicantLocationRequirements")),
        remote_hint="remote" if "TELECOMMUTE" in location_type else None,
        description_html=str(description) if description else None,
        posted_at=iso_date_str(posting.get("datePosted")),
        updated_at=iso_date_str(posting.get("dateModified")),
        fetched_at=fetched_at,
        employment_type=employment,
        compensation_ranges=salary_ranges(posting),
    )


def extract_postings(html: str, base_url: str) -> tuple[list[dict[str, Any]], int]:
    """JobPosting nodes of a page (JSON-LD, else microdata) and the number of broken blocks."""
    from parsel import Selector

    selector = Selector(text=html)
    found: list[dict[str, Any]] = []
    broken = 0
    for block in selector.xpath('//script[@type="application/ld+json"]/text()').getall():
        try:
            found.extend(find_job_postings(json.loads(block)))
        except ValueError:
            broken += 1
    if not found and "itemtype" in html:
        import extruct

        data = extruct.extract(html, base_url=base_url, syntaxes=["microdata"], uniform=True)
        found.extend(find_job_postings(data.get("microdata", [])))
    return found, broken
