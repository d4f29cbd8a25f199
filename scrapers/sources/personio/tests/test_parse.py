"""Personio's XML feed: positions, description sections, offices; hostile XML refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scrapers.records import landing_problem
from scrapers.sources.base import SourceFormatError
from scrapers.sources.personio.parse import parse_personio_feed, parse_personio_position

FEED = (Path(__file__).parent / "fixtures" / "personio_feed.xml").read_bytes()
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "personio"
FETCHED = "2026-11-27T06:00:00Z"


def test_each_position_is_a_posting_with_its_sections():
    items = [
        dict(parse_personio_position(p, "brezel", "Brezel", FETCHED))
        for p in parse_personio_feed(FEED)
    ]
    for item in items:
        assert landing_problem(item) is None
    first, second = items
    assert first["source_id"] == "1874402" and first["company"] == "Brezel Robotics GmbH"
    assert first["url"] == "https://brezel.jobs.personio.de/job/1874402"
    assert first["location_raw"] == "Munich; Berlin"
    assert "Your mission" in first["description_text"]
    assert "€70,000 - €85,000 per year" in first["description_text"]  # pay stays text
    assert first["compensation"] is None
    assert first["employment_type"] == "permanent full-time"
    assert second["remote_hint"] == "remote" and second["description_text"] == ""


def test_not_a_feed_and_entity_bombs_are_format_errors():
    with pytest.raises(SourceFormatError):
        parse_personio_feed(b"<html><body>maintenance</body></html>")
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><workzag-jobs>&b;</workzag-jobs>'
    with pytest.raises(SourceFormatError):
        parse_personio_feed(bomb)
    with pytest.raises(SourceFormatError):
        parse_personio_feed(b"<workzag-jobs><position>")


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_the_real_saved_feed_parses():
    positions = parse_personio_feed((REAL / "clark-xml-4-positions.xml").read_bytes())
    items = [dict(parse_personio_position(p, "clark", "Clark", FETCHED)) for p in positions]
    for item in items:
        assert landing_problem(item) is None
    assert len(items) == 4 and {i["company"] for i in items} >= {"CLARK Holding SE"}
