"""Lever's parser on our own wire-format fixture (tests/fixtures/lever_postings.json)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.lever.parse import parse_lever_posting

POSTINGS = json.loads((Path(__file__).parent / "fixtures" / "lever_postings.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_lists_and_additional_text_join_the_description():
    item = parse_lever_posting(POSTINGS[0], "fjord", "Fjord Systems", FETCHED)
    assert item["company"] == "Fjord Systems"  # Lever's answer does not name the employer
    assert item["remote_hint"] == "hybrid" and item["location_raw"] == "Berlin"
    assert "Requirements\n- 4+ years of NLP" in item["description_text"]
    assert item["description_text"].endswith("25 days of holiday.")
    assert item["posted_at"] == "2026-08-29T10:40:00Z"  # createdAt is epoch milliseconds


def test_the_salary_interval_is_the_period():
    annual = parse_lever_posting(POSTINGS[0], "fjord", "Fjord", FETCHED)["compensation"]
    hourly = parse_lever_posting(POSTINGS[1], "fjord", "Fjord", FETCHED)["compensation"]
    assert (annual["min"], annual["currency"], annual["period"]) == (70000, "EUR", "year")
    assert (hourly["min"], hourly["max"], hourly["period"]) == (40, 55, "hour")
