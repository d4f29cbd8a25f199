"""Recruitee parsing: structured pay from `salary` (strings), places, remote flags."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import PayRange, landing_problem, pay_range_problem
from scrapers.sources.recruitee.parse import parse_recruitee_offer, recruitee_time

OFFERS = json.loads((Path(__file__).parent / "fixtures" / "recruitee_offers.json").read_text())
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "recruitee"
FETCHED = "2026-11-27T06:00:00Z"


def parsed() -> list[dict]:
    items = [
        dict(parse_recruitee_offer(o, "parfait", "Parfait", FETCHED)) for o in OFFERS["offers"]
    ]
    for item in items:
        assert landing_problem(item) is None
        for rng in item["compensation_ranges"]:
            assert pay_range_problem(PayRange.model_validate(rng)) is None
    return items


def test_an_offer_is_a_posting_with_its_structured_pay():
    first = parsed()[0]
    assert (first["source_id"], first["company"]) == ("3105522", "Parfait Studio")
    assert first["compensation"] == {
        "min": 65000,
        "max": 80000,
        "currency": "EUR",
        "period": "year",
        "raw": "65000.00-80000.00 EUR per year",
    }
    assert first["remote_hint"] == "hybrid" and first["location_raw"] == "Berlin, Germany"
    assert first["posted_at"] == "2026-11-20T09:12:44Z"
    assert "Python and a taste for good dialogue" in first["description_text"]


def test_monthly_pay_stays_monthly_and_implausible_or_empty_pay_is_none():
    monthly, tiny, empty = parsed()[1:]
    assert (monthly["compensation"]["period"], monthly["compensation"]["max"]) == ("month", 3900)
    assert monthly["remote_hint"] == "remote"
    # 42-48 "a year" is no annual salary: not taken as structured pay.
    assert tiny["compensation"] is None and tiny["remote_hint"] == "onsite"
    assert empty["compensation"] is None and empty["compensation_ranges"] == []


def test_recruitee_times():
    assert recruitee_time("2026-08-11 20:45:29 UTC") == "2026-08-11T20:45:29Z"
    assert recruitee_time("not a date") is None


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_real_saved_answers_parse():
    for name in ("aikidosecurity-offers-subset.json", "espeo-offers-fields-subset.json"):
        offers = json.loads((REAL / name).read_text())["offers"]
        items = [dict(parse_recruitee_offer(o, "x", "X", FETCHED)) for o in offers]
        for item in items:
            assert landing_problem(item) is None
        assert all(i["remote_hint"] for i in items) and all(i["posted_at"] for i in items)
