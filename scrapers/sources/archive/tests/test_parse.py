"""Postings from captured job pages of each ATS shape, and the HTTP answer inside a WARC
record, on pages written by us."""

from __future__ import annotations

import pytest

from scrapers.sources.archive.cdx import Capture
from scrapers.sources.archive.demo import DemoJob, closed_page, job_page_html
from scrapers.sources.archive.parse import WarcRecordError, postings_from_page, warc_response
from scrapers.sources.archive.patterns import job_page
from scrapers.sources.archive.replay import ArchiveReplay, ReplayCapture
from scrapers.sources.archive.tests.scenario import (
    ANALYST,
    DESIGNER,
    EVALUATOR,
    ML,
    PROMPT,
    TRAINER,
)


def capture_of(job: DemoJob, ts: str = "20240212101010") -> Capture:
    page = job_page(job.url)
    assert page is not None
    return Capture(
        "commoncrawl",
        "2024-02",
        job.url,
        ts,
        "DIGEST",
        page,
        "f.warc.gz",
        10,
        99,
        "CC-MAIN-2024-05",
    )


def test_greenhouse_json_ld_with_an_entity_escaped_description_gives_html_and_text() -> None:
    html = job_page_html(PROMPT)
    assert "&lt;p&gt;" in html  # the description sits in the JSON-LD escaped
    (item,), how = postings_from_page(html, capture_of(PROMPT))
    assert how == "jsonld"
    assert item["source"] == "archive" and item["board"] == "acme"
    assert item["source_id"] == "greenhouse:4012345"
    assert item["url"] == PROMPT.url
    assert item["title"] == "Prompt Engineer" and item["company"] == "Acme AI"
    assert item["description_html"].startswith("<p>Design prompts &amp; evals")
    assert item["description_text"].startswith("Design prompts & evals for our LLM products.")
    assert "<" not in item["description_text"]
    assert item["posted_at"] == "2024-01-05"
    assert item["fetched_at"] == "2024-02-12T10:10:10Z"
    assert item["compensation_ranges"][0]["min"] == 150000
    assert item["valid_through"] == "2024-03-31" and "valid_through" not in item["raw"]
    assert item["raw"]["record_id"] == "f.warc.gz#bytes=10-108"
    assert item["raw"]["capture_key"] == "commoncrawl:DIGEST:20240212101010"


@pytest.mark.parametrize(
    ("job", "title", "location"),
    [
        (ANALYST, "Data Analyst", "Austin, TX"),
        (EVALUATOR, "LLM Evaluation Analyst", "Berlin, BE"),
        (TRAINER, "AI Trainer", "New York"),
    ],
)
def test_pages_without_json_ld_are_read_from_their_own_html(job: DemoJob, title, location) -> None:
    page = job_page_html(job, jsonld=False)
    assert "ld+json" not in page
    (item,), how = postings_from_page(page, capture_of(job))
    assert how == "html"
    assert (item["title"], item["location_raw"], item["company"]) == (title, location, job.company)
    assert item["description_text"] and item["source_id"] == f"{job.ats}:{job.job_id}"


@pytest.mark.parametrize("job", [DESIGNER, ML])
def test_script_rendered_pages_are_read_from_their_json_ld(job: DemoJob) -> None:
    (item,), how = postings_from_page(job_page_html(job), capture_of(job))
    assert how == "jsonld" and item["title"] == job.title


def test_a_job_not_found_page_gives_no_posting() -> None:
    assert postings_from_page(closed_page("Acme AI"), capture_of(PROMPT)) == ([], "none")


def test_a_warc_range_of_the_replay_archive_holds_the_captured_page() -> None:
    archive = ArchiveReplay([ReplayCapture(PROMPT.url, "20240110101010", job_page_html(PROMPT))])
    row = archive.rows[0]
    data = archive.warc_files[row.filename]
    status, headers, body, warc = warc_response(data[row.offset : row.offset + row.length])
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.decode() == job_page_html(PROMPT)
    assert warc["WARC-Target-URI"] == PROMPT.url
    for broken in (
        data[row.offset + 5 : row.offset + row.length],  # shifted
        data[row.offset : row.offset + row.length // 2],  # truncated
        b"<html>an error page, not a WARC record</html>",
    ):
        with pytest.raises(WarcRecordError):
            warc_response(broken)
