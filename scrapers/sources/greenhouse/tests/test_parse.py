"""Greenhouse's parser on our own wire-format fixture (tests/fixtures/greenhouse_board.json)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from scrapers.sources.greenhouse.parse import parse_job, pay_ranges

BOARD = json.loads((Path(__file__).parent / "fixtures" / "greenhouse_board.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def job(job_id: int) -> dict:
    return copy.deepcopy(next(j for j in BOARD["jobs"] if j["id"] == job_id))


def test_a_job_becomes_one_posting_with_its_unescaped_html_and_dates():
    item = parse_job(job(101), "acme", "Registry Name", FETCHED)
    assert (item["source"], item["board"], item["source_id"]) == ("greenhouse", "acme", "101")
    assert item["url"] == "https://job-boards.greenhouse.io/acme/jobs/101"
    assert item["company"] == "Acme AI"  # the answer's name wins over the registry's
    assert item["location_raw"] == "San Francisco, CA"
    # `content` is escaped twice on the wire: once for JSON-in-HTML, once as HTML.
    assert item["description_html"].startswith("<h2>About the role</h2>")
    assert "prompts & evaluations" in item["description_text"]
    assert item["posted_at"].startswith("2026-08-20")
    assert item["fetched_at"] == FETCHED


def test_every_pay_zone_is_a_range_and_the_first_one_is_the_compensation():
    item = parse_job(job(101), "acme", "Acme", FETCHED)
    zones = [(r["min"], r["max"], r["label"]) for r in item["compensation_ranges"]]
    assert zones == [(190_000, 260_000, "Zone A"), (160_000, 220_000, "Zone B")]
    assert item["compensation"]["min"] == 190_000 and item["compensation"]["period"] == "year"
    assert item["compensation"]["currency"] == "USD"


def test_cents_below_a_thousand_units_are_an_hourly_rate():
    [rng] = pay_ranges(job(102))
    assert (rng["min"], rng["max"], rng["period"]) == (30, 45, "hour")


def test_no_pay_zones_means_no_compensation_and_no_company_name_falls_back_to_the_registry():
    raw = job(103)
    del raw["company_name"]
    item = parse_job(raw, "acme", "Acme Registry", FETCHED)
    assert item.get("compensation") is None and not item.get("compensation_ranges")
    assert item["company"] == "Acme Registry"
