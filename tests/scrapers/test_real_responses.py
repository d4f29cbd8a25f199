"""The parsers on REAL saved API responses (../shared/boards-real, written by others and never
copied into the project). Skipped when that folder is absent: set PROMPTJOBS_BOARDS_REAL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import PayRange, landing_problem, pay_range_problem
from scrapers.sources.ashby.parse import parse_ashby_job
from scrapers.sources.greenhouse.parse import parse_job as parse_greenhouse_job
from scrapers.sources.hn.parse import parse_hn_comment
from scrapers.sources.lever.parse import parse_lever_posting
from scrapers.sources.remoteok.parse import parse_remoteok_job
from scrapers.sources.remotive.parse import parse_remotive_job
from scrapers.sources.smartrecruiters.parse import parse_smartrecruiters_detail

REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real"))
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
FETCHED = "2026-09-07T06:00:00Z"


def load(name: str):
    return json.loads((REAL / name).read_text(encoding="utf-8"))


def valid(items: list) -> list[dict]:
    out = []
    for item in items:
        record = dict(item)
        assert landing_problem(record) is None, landing_problem(record)
        for rng in record["compensation_ranges"]:
            assert pay_range_problem(PayRange.model_validate(rng)) is None
        out.append(record)
    return out


def test_greenhouse_content_is_unescaped_once():
    jobs = load("greenhouse/stripe-jobs-content-full.json")["jobs"]
    items = valid([parse_greenhouse_job(j, "stripe", "Stripe", FETCHED) for j in jobs])
    assert len(items) == 547
    assert all("&lt;" not in (i["description_html"] or "") for i in items)
    assert all("<" not in i["description_text"] for i in items)
    assert all(i["url"].startswith("https://stripe.com/") for i in items)


def test_lever_salary_ranges_become_compensation():
    postings = load("lever/plaid-postings-full.json")
    items = valid([parse_lever_posting(p, "plaid", "Plaid", FETCHED) for p in postings])
    with_range = sum(1 for p in postings if p.get("salaryRange"))
    assert sum(1 for i in items if i["compensation"]) == with_range == 90
    assert {i["remote_hint"] for i in items} == {"hybrid", "remote", "onsite"}
    assert all(i["compensation"]["period"] == "year" for i in items if i["compensation"])


def test_ashby_keeps_salary_components_only():
    jobs = load("ashby/ramp-jobboard-compensation-full.json")["jobs"]
    items = valid(
        [parse_ashby_job(j, "ramp", "Ramp", FETCHED) for j in jobs if j.get("isListed", True)]
    )
    assert len(items) == 120
    salaried = [
        j
        for j in jobs
        if any(
            c.get("compensationType") == "Salary" and (c.get("minValue") or c.get("maxValue"))
            for c in (j.get("compensation") or {}).get("summaryComponents") or []
        )
    ]
    assert sum(1 for i in items if i["compensation"]) == len(salaried)


def test_smartrecruiters_detail_pay_is_hourly():
    item = parse_smartrecruiters_detail(
        load("smartrecruiters/westerndigital-single-posting.json"), "WesternDigital", FETCHED
    )
    [record] = valid([item])
    assert (record["compensation"]["min"], record["compensation"]["period"]) == (34, "hour")
    assert record["remote_hint"] == "hybrid" and "Job Description" in record["description_text"]


def test_hn_items_and_the_remote_boards_parse():
    story = load("hn/algolia-item-48747976-subset.json")
    hn = valid(
        [i for i in (parse_hn_comment(c, "48747976", FETCHED) for c in story["children"]) if i]
    )
    assert len(hn) == 4 and all(i["company"] and i["title"] for i in hn)
    remotive = valid(
        [
            parse_remotive_job(j, "all", FETCHED)
            for j in load("remotive/remotive-jobs-subset.json")["jobs"]
        ]
    )
    assert all(i["attribution_url"] == i["url"] for i in remotive)
    rows = load("remoteok/remoteok-api-2026-03-17.json")
    assert "legal" in rows[0]
    jobs = [r for r in rows if "legal" not in r and r.get("id")]
    parsed = [parse_remoteok_job(j, "all", FETCHED) for j in jobs]
    # One real RemoteOK job has no company: the validation pipeline drops and counts it.
    assert len(valid([p for p in parsed if p["company"]])) == len(parsed) - 1 == 96
