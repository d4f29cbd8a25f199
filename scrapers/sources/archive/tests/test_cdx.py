"""The CDX side of the archive source, on answers written by us in the shapes the real
servers give (../shared/boards-real/archive-cdx/ holds real ones; the last tests read them
when present and are skipped otherwise)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.sources.archive import cdx
from scrapers.sources.archive.cdx import Capture, Endpoints
from scrapers.sources.archive.patterns import job_page

REAL = Path(__file__).resolve().parents[5] / "shared" / "boards-real" / "archive-cdx"

# collinfo.json: newest first, ISO times without a zone; a crawl that spans two months.
FIXTURES = Path(__file__).parent / "fixtures"
# Ours, in the real shapes: collinfo.json newest first with ISO times without a zone (one
# crawl spans two months); a pywb NDJSON page where every value is a string (a 200 and a 301
# of the crawldiagnostics WARCs); a Wayback output=json page whose first row is the header.
COLLINFO = json.loads((FIXTURES / "cc-collinfo.json").read_text())
CC_PAGE = (FIXTURES / "cc-index-greenhouse-acme.jsonl").read_bytes()
CC_LINES = [json.loads(line) for line in CC_PAGE.decode().splitlines()]
WAYBACK_PAGE = (FIXTURES / "wayback-cdx-greenhouse-acme.json").read_bytes()
GH = CC_LINES[0]["url"]


def test_months_run_from_first_to_last_and_bad_months_say_how_to_write_them() -> None:
    assert cdx.months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert cdx.month_bounds("2024-02") == ("20240201000000", "20240229235959")
    with pytest.raises(ValueError, match="use YYYY-MM"):
        cdx.months_between("2024-13", "2024-12")
    with pytest.raises(ValueError, match="after"):
        cdx.months_between("2024-05", "2024-01")


def test_a_crawl_is_asked_for_every_month_its_capture_period_touches() -> None:
    assert [c["id"] for c in cdx.crawls_for_month(COLLINFO, "2024-02")] == ["CC-MAIN-2024-10"]
    assert [c["id"] for c in cdx.crawls_for_month(COLLINFO, "2024-03")] == ["CC-MAIN-2024-10"]
    assert [c["id"] for c in cdx.crawls_for_month(COLLINFO, "2024-04")] == ["CC-MAIN-2024-18"]
    assert cdx.crawls_for_month(COLLINFO, "2024-01") == []
    with pytest.raises(cdx.ArchiveAnswerError):
        cdx.crawls_for_month({"message": "oops"}, "2024-01")


def test_an_archive_base_sends_every_archive_request_to_the_mirror() -> None:
    ends = Endpoints.for_base("http://127.0.0.1:8123/")
    assert (
        ends.cc_index_api(COLLINFO[0]["cdx-api"]) == "http://127.0.0.1:8123/CC-MAIN-2024-18-index"
    )
    assert ends.wayback_cdx() == "http://127.0.0.1:8123/cdx/search/cdx"
    assert ends.cc_data == "http://127.0.0.1:8123"
    live = Endpoints.for_base(None)
    assert live.cc_index_api(COLLINFO[0]["cdx-api"]) == COLLINFO[0]["cdx-api"]


def test_queries_ask_each_server_for_200s_of_the_month_in_its_own_filter_spelling() -> None:
    cc = cdx.cdx_params("commoncrawl", "jobs.lever.co/*", "2024-02", page=3)
    assert cc == {
        "url": "jobs.lever.co/*",
        "from": "20240201000000",
        "to": "20240229235959",
        "output": "json",
        "filter": ["status:200"],
        "page": 3,
    }
    assert cdx.cdx_params("wayback", "jobs.lever.co/*", "2024-02")["filter"] == ["statuscode:200"]
    assert cdx.cdx_params("wayback", "x/*", "2024-02", num_pages=True)["showNumPages"] == "true"


def test_page_counts_of_both_servers() -> None:
    assert cdx.page_count(200, b'{"pages": 3, "pageSize": 5, "blocks": 11}') == 3
    assert cdx.page_count(200, b"7\n") == 7
    assert cdx.page_count(404, b'{"message": "No Captures found for: x/*"}') == 0
    with pytest.raises(cdx.ArchiveAnswerError):
        cdx.page_count(502, b"Bad gateway")


def test_index_pages_of_both_servers_and_their_ends() -> None:
    rows = cdx.captures_of(200, CC_PAGE)
    assert [r["status"] for r in rows] == ["200", "301"]
    wayback = WAYBACK_PAGE
    (row,) = cdx.captures_of(200, wayback)
    # cdx-toolkit renames the Wayback fields to pywb's names.
    assert (row["url"], row["status"], row["mime"]) == (GH, "200", "text/html")
    assert cdx.captures_of(404, b'{"message": "No Captures found for: acme.example/*"}') == []
    assert (
        cdx.captures_of(400, b'{"message": "Page 1 invalid: First Page is 0, Last Page is 0"}')
        is None
    )
    assert cdx.captures_of(200, b"") is None  # the Wayback server past its last page
    assert cdx.captures_of(200, b"[]") == []
    with pytest.raises(cdx.ArchiveAnswerError):
        cdx.captures_of(200, b"<html>maintenance</html>")


def test_only_job_pages_that_answered_200_with_their_warc_location_become_captures() -> None:
    good, redirect = CC_LINES
    cap = cdx.to_capture("commoncrawl", "2024-02", good, ("greenhouse",), "CC-MAIN-2024-10")
    assert cap is not None
    assert (cap.job.ats, cap.job.board, cap.job.source_id) == (
        "greenhouse",
        "acme",
        "greenhouse:4012345",
    )
    assert cap.captured_at == "2024-02-22T10:10:10Z"
    assert cap.record_id().endswith(".warc.gz#bytes=667474763-667481825")
    assert cdx.to_capture("commoncrawl", "2024-02", redirect, ("greenhouse",), None) is None
    board_index = {**good, "url": "https://boards.greenhouse.io/acme"}
    assert cdx.to_capture("commoncrawl", "2024-02", board_index, ("greenhouse",), None) is None
    robots = {**good, "filename": good["filename"].replace("/warc/", "/robotstxt/")}
    assert cdx.to_capture("commoncrawl", "2024-02", robots, ("greenhouse",), None) is None
    other_month = {**good, "timestamp": "20240301000000"}
    assert cdx.to_capture("commoncrawl", "2024-02", other_month, ("greenhouse",), None) is None
    assert cdx.to_capture("commoncrawl", "2024-02", good, ("lever",), None) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://boards.greenhouse.io/acme/jobs/4012345?gh_src=x",
            ("greenhouse", "acme", "4012345"),
        ),
        ("https://job-boards.greenhouse.io/acme/jobs/77", ("greenhouse", "acme", "77")),
        ("http://boards.greenhouse.io:80/acme/jobs/77", ("greenhouse", "acme", "77")),
        (
            "https://jobs.lever.co/fjord/0B6F0C1E-1111-4222-8333-944455556666",
            ("lever", "fjord", "0b6f0c1e-1111-4222-8333-944455556666"),
        ),
        ("https://jobs.lever.co/fjord/0b6f0c1e-1111-4222-8333-944455556666/apply", None),
        (
            "https://jobs.ashbyhq.com/nimbus/5a0d1a44-2b7e-4d1b-9c55-0a6c1b2d3e4f",
            ("ashby", "nimbus", "5a0d1a44-2b7e-4d1b-9c55-0a6c1b2d3e4f"),
        ),
        ("https://apply.workable.com/quill/j/8F2A3B1C4D/", ("workable", "quill", "8F2A3B1C4D")),
        (
            "https://jobs.smartrecruiters.com/Harbor/743999912345678-prompt-engineer",
            ("smartrecruiters", "Harbor", "743999912345678"),
        ),
        ("https://boards.greenhouse.io/acme", None),
        ("https://boards.greenhouse.io/..%2f/jobs/1", None),
        (
            "https://gdit.wd5.myworkdayjobs.com/External_Career_Site/job/USA-DC-Washington/"
            "Data-Engineer_RQ216675",
            ("workday", "gdit.wd5.External_Career_Site", "RQ216675"),
        ),
        (
            "https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Prompt-Writer_JR-0105489-1"
            "?source=LinkedIn",
            ("workday", "acme.wd1.Careers", "JR-0105489-1"),
        ),
        ("https://acme.wd1.myworkdayjobs.com/Careers/job/Prompt-Writer_R12/apply", None),
        ("https://acme.wd1.myworkdayjobs.com/Careers", None),
        ("https://acme.wd1.myworkdayjobs.com/wday/cxs/acme/Careers/jobs", None),
        ("https://acme.myworkdayjobs.com/Careers/job/X_R1", None),  # no data centre
    ],
)
def test_job_page_urls_name_the_ats_board_and_the_live_job_id(url: str, expected) -> None:
    page = job_page(url)
    assert (None if page is None else (page.ats, page.board, page.job_id)) == expected


def _cap(job: str, ts: str) -> Capture:
    url = f"https://boards.greenhouse.io/acme/jobs/{job}"
    page = job_page(url)
    assert page is not None
    month = f"{ts[:4]}-{ts[4:6]}"
    return Capture("commoncrawl", month, url, ts, f"D{job}-{ts}", page, "f.warc.gz", 0, 10)


def test_one_capture_per_job_and_month_a_fixed_sample_and_landed_captures_skipped() -> None:
    caps = [_cap(str(j), f"202402{d:02d}000000") for j in range(1, 21) for d in (3, 9)]
    chosen = cdx.select_captures(caps, None, set())
    assert len(chosen) == 20
    assert all(c.timestamp.startswith("20240203") for c in chosen)  # the first of the month
    sample = cdx.select_captures(caps, 5, set())
    # Same jobs the next month: the sample follows jobs, not capture times.
    march = [_cap(str(j), "20240305000000") for j in range(1, 21)]
    assert [c.job.job_id for c in cdx.select_captures(march, 5, set())] == [
        c.job.job_id for c in sample
    ]
    skipped = cdx.select_captures(caps, 5, {sample[0].key})
    assert [c.key for c in skipped] == [c.key for c in sample[1:]]


def test_a_capture_key_tells_an_unchanged_page_of_a_later_month_apart() -> None:
    jan, feb = _cap("7", "20240110000000"), _cap("7", "20240210000000")
    feb = Capture(feb.archive, feb.month, feb.url, feb.timestamp, jan.digest, feb.job)
    assert jan.digest == feb.digest and jan.key != feb.key


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/boards-real/archive-cdx not present")
def test_the_real_saved_answers_decode_the_same_way() -> None:
    body = (REAL / "cc-index-CC-MAIN-2025-33-commoncrawl.org-limit10.body.jsonl").read_bytes()
    rows = cdx.captures_of(200, body)
    assert len(rows) == 10 and all(isinstance(v, str) for r in rows for v in r.values())
    assert set(CC_LINES[0]) <= set(rows[0])
    wayback = (REAL / "wayback-cdx-commoncrawl.org-limit10-output-json.body.json").read_bytes()
    rows = cdx.captures_of(200, wayback)
    assert len(rows) == 10 and rows[0]["url"].startswith("http://www.commoncrawl.org")
    collinfo = json.loads((REAL / "cc-collinfo-2025-09-15.body.json").read_text())
    assert set(COLLINFO[0]) == set(collinfo[0])
    assert [c["id"] for c in cdx.crawls_for_month(collinfo, "2025-08")] == ["CC-MAIN-2025-33"]

    def answers(name: str) -> dict[int, bytes]:
        lines = (REAL / name).read_text().splitlines()
        return {
            e["response_status_code"]: e["response_text"].encode() for e in map(json.loads, lines)
        }

    no_captures = answers("cdx_toolkit-recording-cc-index-404-no-captures.jsonl")
    assert cdx.captures_of(404, no_captures[404]) == []
    assert cdx.captures_of(400, no_captures[400]) is None
    count = answers("cdx_toolkit-recording-cc-index-showNumPages.jsonl")
    assert cdx.page_count(200, count[200]) == 1
