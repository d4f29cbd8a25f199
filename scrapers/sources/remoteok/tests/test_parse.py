"""RemoteOK's parser on our own wire-format fixture (tests/fixtures/remoteok_api.json)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.remoteok.parse import parse_remoteok_job, remoteok_ranges

ANSWER = json.loads((Path(__file__).parent / "fixtures" / "remoteok_api.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_remoteok_treats_zero_and_tiny_figures_as_no_structured_pay():
    assert remoteok_ranges({"salary_min": 0, "salary_max": 0}) == []
    assert remoteok_ranges({"salary_min": 30, "salary_max": 30}) == []
    assert remoteok_ranges({"salary_min": 120000, "salary_max": 0})[0]["min"] == 120000


def test_every_posting_links_back_to_remote_ok_as_its_terms_ask():
    for job in ANSWER[1:]:  # element 0 is the legal notice
        item = parse_remoteok_job(job, "all", FETCHED)
        assert item["attribution_url"] == job["url"] and item["remote_hint"] == "remote"
    paid = parse_remoteok_job(ANSWER[1], "all", FETCHED)["compensation"]
    assert (paid["min"], paid["max"], paid["currency"]) == (160000, 200000, "USD")
