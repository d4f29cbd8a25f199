"""BambooHR: list row + detail make a posting; free-text pay stays text (OTE included)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import landing_problem
from scrapers.sources.bamboohr.parse import parse_bamboohr_opening

FIXTURES = Path(__file__).parent / "fixtures"
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "bamboohr"
FETCHED = "2026-11-27T06:00:00Z"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def item_for(job_id: str) -> dict:
    row = next(r for r in load("bamboohr_list.json")["result"] if r["id"] == job_id)
    opening = load(f"bamboohr_detail_{job_id}.json")["result"]["jobOpening"]
    item = dict(parse_bamboohr_opening(opening, row, "woodland", "Woodland Health", FETCHED))
    assert landing_problem(item) is None
    return item


def test_an_opening_is_a_posting_with_its_pay_as_text():
    item = item_for("57")
    assert (item["source_id"], item["title"]) == ("57", "Applied AI Engineer")
    assert item["location_raw"] == "Denver, Colorado, United States"
    assert item["remote_hint"] == "hybrid" and item["posted_at"] == "2026-11-12"
    assert item["description_text"].endswith("Compensation: $140,000 - $175,000 per year")
    assert item["compensation"] is None  # free text: the extractor reads it


def test_remote_flag_and_an_ote_line_stay_as_written():
    item = item_for("61")
    assert item["remote_hint"] == "remote" and item["location_raw"] == "United States"
    assert "OTE: £100,000–£120,000" in item["description_text"]


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_real_saved_answers_parse():
    rows = json.loads((REAL / "collectivemeasures-careers-list-full.json").read_text())["result"]
    detail = json.loads((REAL / "collectivemeasures-careers-214-detail-trimmed.json").read_text())
    item = dict(
        parse_bamboohr_opening(detail["result"]["jobOpening"], rows[0], "cm", "CM", FETCHED)
    )
    assert landing_problem(item) is None
    assert item["source_id"] == "214" and item["remote_hint"] == "hybrid"
