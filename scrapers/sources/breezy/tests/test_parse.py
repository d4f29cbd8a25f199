"""Breezy HR's `/json`: positions, every location, free-text salary kept as text."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import landing_problem
from scrapers.sources.breezy.parse import parse_breezy_position

JOBS = json.loads((Path(__file__).parent / "fixtures" / "breezy_positions.json").read_text())
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "breezy"
FETCHED = "2026-11-27T06:00:00Z"


def test_a_position_is_a_posting_with_its_salary_line():
    first, second = (dict(parse_breezy_position(j, "caribougames", "C", FETCHED)) for j in JOBS)
    for item in (first, second):
        assert landing_problem(item) is None
    assert first["location_raw"] == "Montreal, QC; Remote (US)"
    assert first["remote_hint"] == "remote"  # one of its places is remote
    assert first["description_text"].endswith("Salary: CA$95,000 – CA$120,000 / year")
    assert first["compensation"] is None and first["employment_type"] == "Full-Time"
    assert second["description_text"] == "" and second["remote_hint"] is None


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_the_real_saved_board_parses():
    jobs = json.loads((REAL / "breezy-trial-board-json.json").read_text())
    items = [dict(parse_breezy_position(j, "breezy", "B", FETCHED)) for j in jobs]
    for item in items:
        assert landing_problem(item) is None
    assert items[0]["company"] == "MS Breezy Trial"
    assert "Salary: $0.05 – $0.06 / hour" in items[0]["description_text"]
