"""The per-source parsers on our wire-format fixtures, without a network."""

from __future__ import annotations

import copy

from scraper_fixtures import (
    ASHBY_BOARD,
    JOBPOSTING,
    WORKABLE_ACCOUNT,
    hn_item,
    job_page_graph,
    job_page_microdata,
)

from scrapers.sources.ashby.spider import ashby_ranges, parse_ashby_job
from scrapers.sources.hn.spider import is_employment_part, parse_hn_comment, parse_hn_header
from scrapers.sources.jsonld.spider import (
    board_of,
    extract_postings,
    find_job_postings,
    salary_ranges,
)
from scrapers.sources.remoteok.spider import remoteok_ranges
from scrapers.sources.workable.spider import parse_workable_job

FETCHED = "2026-09-07T06:00:00Z"


def test_ashby_keeps_base_salary_and_never_commission_or_equity():
    job = ASHBY_BOARD["jobs"][0]
    assert [(r["min"], r["max"]) for r in ashby_ranges(job)] == [(170000, 230000)]
    item = parse_ashby_job(job, "promptly", "Promptly", FETCHED)
    assert item["remote_hint"] == "hybrid" and item["employment_type"] == "FullTime"


def test_ashby_tiers_are_zones_and_ashbys_envelope_is_the_headline():
    job = copy.deepcopy(ASHBY_BOARD["jobs"][0])
    salary = {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD"}
    job["compensation"]["compensationTiers"] = [
        {
            "title": "Tier 1",
            "tierSummary": "$200K",
            "components": [dict(salary, minValue=200000, maxValue=250000)],
        },
        {
            "title": "Tier 2",
            "tierSummary": "$170K",
            "components": [dict(salary, minValue=170000, maxValue=210000)],
        },
    ]
    item = parse_ashby_job(job, "promptly", "Promptly", FETCHED)
    # The headline is Ashby's summary envelope, not the first tier (issue 16); every tier
    # follows with its title.
    labels = [r["label"] for r in item["compensation_ranges"]]
    assert labels == ["All tiers", "Tier 1", "Tier 2"]
    envelope = next(
        c for c in job["compensation"]["summaryComponents"] if c["compensationType"] == "Salary"
    )
    assert item["compensation"]["min"] == envelope["minValue"] != 200000
    assert "label" not in item["compensation"]


def test_hn_header_fields_in_the_conventional_order():
    head = parse_hn_header(
        "Acme (https://acme.io) | Senior ML Engineer | Berlin, Germany | REMOTE | €90k<p>More"
    )
    assert (head["company"], head["title"], head["location"], head["remote"]) == (
        "Acme",
        "Senior ML Engineer",
        "Berlin, Germany",
        "remote",
    )
    head = parse_hn_header("SmarterDx | Remote (US only) | Multiple roles")
    assert (head["title"], head["location"]) == ("Multiple roles", "Remote (US only)")
    assert parse_hn_header("Foo | Designer | NYC | ONSITE")["remote"] == "onsite"
    assert parse_hn_header("Foo | Designer | No remote | Paris")["remote"] is None


def test_hn_employment_parts_are_not_mistaken_for_titles():
    assert is_employment_part("Full-time")
    assert is_employment_part("Contract / Part-time (10–40 hrs/wk)")
    assert not is_employment_part("Freelance AI Trainer - German")


def test_hn_deleted_comments_are_skipped_and_replies_are_not_postings():
    thread = hn_item()
    items = [parse_hn_comment(c, "48900001", FETCHED) for c in thread["children"]]
    assert [i["source_id"] for i in items if i] == ["49000001", "49000002"]
    assert items[0]["url"] == "https://news.ycombinator.com/item?id=49000001"
    assert "Do you sponsor visas?" not in items[0]["description_text"]


def test_a_comment_without_a_header_is_kept_under_its_author():
    comment = {
        "id": 7,
        "author": "jdoe",
        "text": "We are hiring engineers, email me.",
        "created_at": "2026-09-01T15:05:00.000Z",
    }
    item = parse_hn_comment(comment, "1", FETCHED)
    assert item["company"] == "jdoe" and item["title"] == "We are hiring engineers, email me."


def test_remoteok_treats_zero_and_tiny_figures_as_no_structured_pay():
    assert remoteok_ranges({"salary_min": 0, "salary_max": 0}) == []
    assert remoteok_ranges({"salary_min": 30, "salary_max": 30}) == []
    assert remoteok_ranges({"salary_min": 120000, "salary_max": 0})[0]["min"] == 120000


def test_job_postings_are_found_in_graphs_arrays_and_microdata():
    assert len(list(find_job_postings([{"@type": "Organization"}, JOBPOSTING]))) == 1
    assert len(list(find_job_postings({"@graph": [{"@type": ["JobPosting", "Thing"]}]}))) == 1
    found, broken = extract_postings(job_page_graph(), "http://x/jobs/7.html")
    assert [p["title"] for p in found] == ["Conversation Designer"] and broken == 0
    found, _ = extract_postings(job_page_microdata(), "http://x/jobs/8.html")
    assert found[0]["title"] == "AI Trainer"
    found, broken = extract_postings(
        '<script type="application/ld+json">{"broken": </script>', "http://x"
    )
    assert found == [] and broken == 1


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


def test_workable_jobs_carry_place_remote_flag_and_text_pay():
    job = WORKABLE_ACCOUNT["jobs"][0]
    item = parse_workable_job(job, "babelvoice", "Babel Voice", FETCHED)
    assert item["company"] == "Babel Voice" and item["remote_hint"] == "remote"
    assert item["location_raw"] == "London, England, United Kingdom"
    assert item["source_id"] == "4EEBAB" and item["posted_at"] == "2026-08-30"
    assert item["compensation"] is None  # the widget API has no pay fields
    assert "£60,000 - £75,000" in item["description_text"]
