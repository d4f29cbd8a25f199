"""Workable's parser on our own wire-format fixture (tests/fixtures/workable_account.json)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.workable.parse import parse_workable_job

ACCOUNT = json.loads((Path(__file__).parent / "fixtures" / "workable_account.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_workable_jobs_carry_place_remote_flag_and_text_pay():
    item = parse_workable_job(ACCOUNT["jobs"][0], "babelvoice", "Babel Voice", FETCHED)
    assert item["company"] == "Babel Voice" and item["remote_hint"] == "remote"
    assert item["location_raw"] == "London, England, United Kingdom"
    assert item["source_id"] == "4EEBAB" and item["posted_at"] == "2026-08-30"
    assert item["compensation"] is None  # the widget API has no pay fields
    assert "£60,000 - £75,000" in item["description_text"]
