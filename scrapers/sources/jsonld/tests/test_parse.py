"""The schema.org JobPosting parser on our own fixtures (tests/fixtures/)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.jsonld.parse import (
    board_of,
    extract_postings,
    find_job_postings,
    parse_job_posting,
    salary_ranges,
)

FIXTURES = Path(__file__).parent / "fixtures"
JOBPOSTING = json.loads((FIXTURES / "jobposting.json").read_text())
MICRODATA_PAGE = (FIXTURES / "job_page_microdata.html").read_text()
FETCHED = "2026-09-07T06:00:00Z"


def graph_page() -> str:
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, JOBPOSTING]}
    return f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script></head></html>'


def test_job_postings_are_found_in_graphs_arrays_and_microdata():
    assert len(list(find_job_postings([{"@type": "Organization"}, JOBPOSTING]))) == 1
    assert len(list(find_job_postings({"@graph": [{"@type": ["JobPosting", "Thing"]}]}))) == 1
    found, broken = extract_postings(graph_page(), "http://x/jobs/7.html")
    assert [p["title"] for p in found] == ["Conversation Designer"] and broken == 0
    found, _ = extract_postings(MICRODATA_PAGE, "http://x/jobs/8.html")
    assert found[0]["title"] == "AI Trainer"
    found, broken = extract_postings(
        '<script type="application/ld+json">{"broken": </script>', "http://x"
    )
    assert found == [] and broken == 1


def test_a_posting_keeps_its_canonical_url_identifier_and_annual_pay():
    url = "http://127.0.0.1:8080/careers/jobs/7.html"
    item = parse_job_posting(JOBPOSTING, url, board_of(url), FETCHED)
    assert item["url"] == "https://careers.acme.example/jobs/7"
    assert item["company"] == "Acme Robotics" and item["remote_hint"] == "remote"
    assert (item["compensation"]["min"], item["compensation"]["currency"]) == (50000, "GBP")


def test_base_salary_units_map_to_periods():
    for unit, period in [
        ("HOUR", "hour"),
        ("DAY", "day"),
        ("WEEK", "week"),
        ("MONTH", "month"),
        ("YEAR", "year"),
    ]:
        posting = {
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "value": 50, "unitText": unit},
            }
        }
        [rng] = salary_ranges(posting)
        assert (rng["min"], rng["max"], rng["currency"], rng["period"]) == (50, 50, "EUR", period)


def test_jsonld_boards_are_hosts():
    assert board_of("https://careers.example.com/jobs?x=1") == "careers.example.com"
    assert board_of("http://127.0.0.1:8080/careers/") == "127.0.0.1"
