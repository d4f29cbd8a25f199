"""Remotive's parser on our own wire-format fixture (tests/fixtures/remotive_jobs.json)."""

from __future__ import annotations

import json
from pathlib import Path

from scrapers.sources.remotive.parse import parse_remotive_job

ANSWER = json.loads((Path(__file__).parent / "fixtures" / "remotive_jobs.json").read_text())
FETCHED = "2026-09-07T06:00:00Z"


def test_free_text_pay_stays_text_for_the_extractor_and_the_url_is_the_attribution():
    job = ANSWER["jobs"][0]
    item = parse_remotive_job(job, "all", FETCHED)
    assert item["description_text"].endswith("\n\nSalary: $150k - $180k")
    assert item["compensation"] is None  # never parsed here: the extractor reads the text
    assert item["attribution_url"] == job["url"] and item["remote_hint"] == "remote"


def test_no_salary_adds_no_salary_line():
    item = parse_remotive_job(ANSWER["jobs"][1], "all", FETCHED)
    assert "Salary:" not in item["description_text"]
