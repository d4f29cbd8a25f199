"""Ashby pay with several tiers (zones): the headline is Ashby's own envelope
(`summaryComponents`), every tier stays with its title, equity/commission/bonus never pay,
OTE flagged as `pay_basis`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import PayRange, pay_range_problem
from scrapers.sources.ashby.parse import ashby_ranges, parse_ashby_job

BOARD = json.loads((Path(__file__).parent / "fixtures" / "ashby_pay_tiers.json").read_text())
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "ashby"
FETCHED = "2026-11-27T06:00:00Z"


def test_a_remote_job_with_two_tiers_gets_the_envelope_not_the_first_tier():
    item = parse_ashby_job(BOARD["jobs"][0], "quillon", "Quillon", FETCHED)
    head = item["compensation"]
    assert (head["min"], head["max"], head["pay_basis"]) == (150_000, 230_000, "base")
    tiers = [(r.get("label"), r["min"], r["max"]) for r in item["compensation_ranges"]]
    assert tiers == [
        ("All tiers", 150_000, 230_000),
        ("NY/SF", 190_000, 230_000),
        ("Remote (US)", 150_000, 185_000),
    ]
    # The bonus and equity components never became pay.
    assert all(r["max"] != 40_000 for r in item["compensation_ranges"])
    for rng in item["compensation_ranges"]:
        assert pay_range_problem(PayRange.model_validate(rng)) is None


def test_on_target_earnings_are_flagged_and_commission_is_not_pay():
    [only] = ashby_ranges(BOARD["jobs"][1])  # one tier equal to the envelope: no duplicate
    assert (only["min"], only["max"], only["label"]) == (240_000, 300_000, "US")
    assert only["pay_basis"] == "ote" and "OTE" in only["raw"]


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_real_multi_tier_jobs_take_ashbys_envelope():
    jobs = json.loads((REAL / "ramp-jobboard-compensation-full.json").read_text())["jobs"]
    multi = [
        j for j in jobs if len((j.get("compensation") or {}).get("compensationTiers") or []) > 1
    ]
    assert multi
    for job in multi:
        envelope = next(
            c for c in job["compensation"]["summaryComponents"] if c["compensationType"] == "Salary"
        )
        head = ashby_ranges(job)[0]
        assert (head["min"], head["max"]) == (envelope["minValue"], envelope["maxValue"])
        assert head["label"] == "All tiers"
