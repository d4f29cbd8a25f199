"""SmartRecruiters' parser on our own wire-format fixture (tests/fixtures/)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from scrapers.sources.smartrecruiters.parse import parse_smartrecruiters_detail

DETAIL = json.loads(
    (Path(__file__).parent / "fixtures" / "smartrecruiters_posting.json").read_text()
)
FETCHED = "2026-09-07T06:00:00Z"


def test_the_ad_sections_are_the_description_and_empty_ones_are_dropped():
    item = parse_smartrecruiters_detail(DETAIL, "GlobexBank", FETCHED)
    assert item["company"] == "Globex Bank" and item["remote_hint"] == "hybrid"
    assert item["description_text"].startswith("Company Description\n\nA bank.")
    assert "Additional Information" not in item["description_text"]


def test_annual_compensation_is_a_yearly_range_and_no_compensation_is_none():
    pay = parse_smartrecruiters_detail(DETAIL, "GlobexBank", FETCHED)["compensation"]
    assert (pay["min"], pay["max"], pay["period"]) == (150000, 190000, "year")
    unpaid = copy.deepcopy(DETAIL)
    del unpaid["compensation"]
    assert parse_smartrecruiters_detail(unpaid, "GlobexBank", FETCHED)["compensation"] is None
