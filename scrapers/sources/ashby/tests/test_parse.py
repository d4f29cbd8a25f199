"""Ashby's parser on our own wire-format fixture (tests/fixtures/ashby_board.json)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from scrapers.sources.ashby.parse import ashby_ranges, parse_ashby_job

BOARD = json.loads((Path(__file__).parent / "fixtures" / "ashby_board.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_ashby_keeps_base_salary_and_never_commission_or_equity():
    job = BOARD["jobs"][0]
    assert [(r["min"], r["max"]) for r in ashby_ranges(job)] == [(170000, 230000)]
    item = parse_ashby_job(job, "promptly", "Promptly", FETCHED)
    assert item["remote_hint"] == "hybrid" and item["employment_type"] == "FullTime"


def test_ashby_tiers_are_zones_and_ashbys_envelope_is_the_headline():
    job = copy.deepcopy(BOARD["jobs"][0])
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
