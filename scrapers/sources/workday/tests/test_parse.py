"""Workday CXS parsing: our fixtures in the real shape, then the real saved responses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scrapers.records import landing_problem
from scrapers.sources.workday.parse import parse_workday_job, split_board, workday_remote

FIXTURES = Path(__file__).parent / "fixtures"
REAL = Path(os.environ.get("PROMPTJOBS_BOARDS_REAL", "/work/shared/boards-real")) / "workday"
FETCHED = "2026-11-27T06:00:00Z"
BOARD = "orbitbank.wd5.Orbit_Careers"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_a_board_name_is_tenant_data_centre_and_site():
    assert split_board("orbitbank.wd5.Orbit_Careers") == ("orbitbank", "wd5", "Orbit_Careers")
    with pytest.raises(ValueError):
        split_board("orbitbank")
    with pytest.raises(ValueError):
        split_board("orbit/bank.wd5.x")


def test_the_detail_gives_the_posting_and_its_pay_stays_text():
    row = load("workday_jobs.json")["jobPostings"][0]
    item = dict(parse_workday_job(load("workday_job_detail.json"), row, BOARD, "Orbit", FETCHED))
    assert landing_problem(item) is None
    assert item["source_id"] == "3e1f0c9a77d2100184a6b2c5d9e80000"
    assert item["company"] == "Orbit Bank, N.A."
    assert item["location_raw"] == "USA NY New York; USA CA San Francisco"
    assert item["remote_hint"] == "hybrid"  # Workday's "Flex"
    assert item["posted_at"] == "2026-11-24" and item["employment_type"] == "Full time"
    assert item["url"].startswith("https://orbitbank.wd5.myworkdayjobs.com/Orbit_Careers/job/")
    # No pay field in CXS: the ranges stay in the text for the extractor (salary_source text).
    assert item["compensation"] is None and item["compensation_ranges"] == []
    assert "Base Pay Range: $151,500 USD - $227,300 USD" in item["description_text"]


def test_remote_types():
    assert [workday_remote(v) for v in ("Remote", "Flex", "On-site", "Onsite", None)] == [
        "remote",
        "hybrid",
        "onsite",
        "onsite",
        None,
    ]


@pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} not present")
def test_real_saved_answers_parse():
    rows = json.loads((REAL / "workday-inc-jobs-subset.json").read_text())["jobPostings"]
    detail = json.loads((REAL / "workday-inc-job-detail-trimmed.json").read_text())
    item = dict(parse_workday_job(detail, rows[1], "workday.wd5.Workday", "Workday", FETCHED))
    assert landing_problem(item) is None
    assert item["company"] == "Workday Government, LLC" and item["remote_hint"] == "onsite"
    assert "$151,500 USD - $227,300 USD" in item["description_text"]
    for name in ("gdit-job-detail-RQ216675.json", "synchrony-university-job-detail.json"):
        real = dict(
            parse_workday_job(json.loads((REAL / name).read_text()), {}, "t.wd5.Site", "T", FETCHED)
        )
        assert landing_problem(real) is None
        assert real["title"] and real["description_text"] and real["posted_at"]
