"""`backfill()` end to end over real HTTP: the archive spider in its crawl child against our
loopback archive (both CDX APIs with paging, a 503 once, WARC ranges, raw Wayback
captures), then a kill and a resume, then the warehouse load of what landed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from promptjobs.settings import load_settings
from scrapers.landing import LandingWriter, read_landing
from scrapers.sources.archive.landing import landed_capture_keys
from scrapers.sources.archive.replay import ArchiveReplay
from scrapers.sources.archive.run import BackfillPlan, backfill
from scrapers.sources.archive.tests.scenario import (
    EXPECTED,
    PROMPT,
    WD_PROMPT,
    WORKDAY_BOARD,
    WORKDAY_EXPECTED,
    captures,
)

pytestmark = pytest.mark.slow
MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04"]
UA = "promptjobs-test/0.1 (+https://example.org/contact)"
FAST = {"RETRY_BACKOFF_BASE": 0.05, "DOWNLOAD_TIMEOUT": 20}


def landed_records(home: Path) -> list[tuple[Path, dict]]:
    out = []
    for path in sorted((home / "landing").glob("source=archive/date=*/*.jsonl.gz")):
        out.extend((path, r) for r in read_landing(path))
    return out


def stats_files(home: Path) -> list[dict]:
    paths = sorted((home / "landing").glob("source=archive/date=*/*.stats.json"))
    return [json.loads(p.read_text()) for p in paths]


@pytest.fixture(scope="module")
def archive():
    with ArchiveReplay(captures(), page_size=1) as server:
        # The February crawl's index and one WARC file answer 503 once.
        feb_crawl = next(c for c in server.crawls if c.endswith("-05"))
        server.fail_once.add(f"/{feb_crawl}-index")
        server.fail_once.add("/" + next(iter(server.warc_files)))
        yield server


@pytest.fixture(scope="module")
def landed(archive: ArchiveReplay, tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("backfill") / "home"
    plan = BackfillPlan(home=home, months=MONTHS, archive_base=archive.url, user_agent=UA)
    summary = backfill(plan, progress=False, scrapy_settings=FAST)
    return home, summary, plan


def test_each_month_lands_the_jobs_its_captures_show(landed) -> None:
    home, summary, _ = landed
    by_unit: dict[tuple[str, str], set[str]] = {}
    for _path, rec in landed_records(home):
        by_unit.setdefault((rec["raw"]["archive"], rec["fetched_at"][:7]), set()).add(
            rec["source_id"]
        )
    assert by_unit == EXPECTED
    assert summary["errors"] == {}


def test_a_landed_posting_is_an_ordinary_record_with_its_capture_as_provenance(landed) -> None:
    home, _, _ = landed
    records = landed_records(home)
    assert all(r["source"] == "archive" for _p, r in records)
    for path, rec in records:
        raw = rec["raw"]
        assert path.parent.name == f"date={rec['fetched_at'][:10]}"  # capture date partition
        assert rec["url"] == raw["captured_url"]
        assert (
            rec["fetched_at"].replace("-", "").replace(":", "").replace("T", "")[:14]
            == raw["timestamp"]
        )
        assert rec["board"] == raw["board"] and rec["source_id"] == f"{raw['ats']}:{raw['job_id']}"
        if raw["archive"] == "commoncrawl":
            assert raw["record_id"].startswith("crawl-data/CC-MAIN-2024-")
            assert "/warc/" in raw["record_id"] and "#bytes=" in raw["record_id"]
        else:
            assert (
                raw["record_id"]
                == f"https://web.archive.org/web/{raw['timestamp']}id_/{rec['url']}"
            )
    prompt = [r for _p, r in records if r["source_id"] == "greenhouse:4012345"]
    assert {r["fetched_at"] for r in prompt} == {
        "2024-01-10T10:10:10Z",
        "2024-02-12T10:10:10Z",
        "2024-03-08T10:10:10Z",  # the first of its two March captures
    }
    assert all(r["title"] == PROMPT.title and r["posted_at"] == "2024-01-05" for r in prompt)


def test_requests_are_polite_paged_and_survive_a_503(landed, archive: ArchiveReplay) -> None:
    _home, summary, _ = landed
    assert set(archive.user_agents) == {UA}
    assert archive.hits["/robots.txt"] >= 1
    # Pages hold one row here: later pages exist only because the client pages.
    assert archive.index_pages[("pywb", 2)] > 0 and archive.index_pages[("wayback", 1)] > 0
    for path in archive.fail_once:
        assert archive.hits[path] >= 2, path  # answered 503, asked again
    assert all(not u["listing_failed"] and not u["fetch_failed"] for u in summary["units"])


def test_a_month_without_captures_lands_nothing_and_is_not_an_error(landed) -> None:
    home, summary, _ = landed
    april = [u for u in summary["units"] if u["month"] == "2024-04"]
    assert {u["archive"] for u in april} == {"commoncrawl", "wayback"}
    assert all(u["listed"] == 0 and u["postings"] == 0 for u in april)
    assert not list((home / "landing").glob("source=archive/date=2024-04-*"))


def test_a_capture_that_shows_no_posting_is_still_recorded_as_done(landed) -> None:
    home, _, _ = landed
    march_cc = [s for s in stats_files(home) if s["crawl_date"] == "2024-03-09"]
    (closed,) = march_cc
    assert closed["items"] == 0 and closed["captures"] == 1
    assert closed["boards_ok"] == []  # no archive file ever closes a posting by absence


def test_a_second_run_asks_the_http_cache_and_lands_nothing_twice(landed) -> None:
    home, _, plan = landed
    before = landed_records(home)
    again = backfill(plan, progress=False, scrapy_settings=FAST)
    assert again["files"] == []
    assert (
        sum(u["skipped_landed"] for u in again["units"])
        == sum(len(v) for v in EXPECTED.values()) + 1
    )  # + the "job not found" capture
    assert again["cached"] > 0
    assert landed_records(home) == before


def _wait_for(predicate, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_killed_backfill_resumes_without_landing_a_capture_twice(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # The March Wayback capture answers slowly, so the kill finds everything else landed.
    with ArchiveReplay(captures(), page_size=3, slow={"/web/20240303": 60.0}) as server:
        cmd = [
            str(Path(sys.executable).with_name("promptjobs")),
            "backfill",
            "--from",
            "2024-01",
            "--to",
            "2024-03",
            "--archive-base",
            server.url,
            "--home",
            str(home),
        ]
        env = {**os.environ, "PROMPTJOBS_HOME": str(home)}
        proc = subprocess.Popen(
            cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            expected_first = sum(len(v) for k, v in EXPECTED.items() if k != ("wayback", "2024-03"))
            _wait_for(lambda: len(landed_records(home)) >= expected_first, 120)
            _wait_for(
                lambda: server.hits.get(f"/web/20240303090000id_/{captures()[6].url}", 0) > 0, 60
            )
        finally:
            os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its crawl child, no clean-up
            proc.wait()
        keys_before = landed_capture_keys(home / "landing")
        assert ("wayback", "2024-03") not in {
            (r["raw"]["archive"], r["fetched_at"][:7]) for _p, r in landed_records(home)
        }
        server.slow.clear()
        resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert resumed.returncode == 0, resumed.stderr
        assert "already landed are skipped" in resumed.stderr
    keys = Counter(k for s in stats_files(home) for k in s["capture_keys"])
    assert keys and max(keys.values()) == 1  # no capture landed twice
    assert keys_before < set(keys)
    by_unit: dict[tuple[str, str], set[str]] = {}
    for _path, rec in landed_records(home):
        by_unit.setdefault((rec["raw"]["archive"], rec["fetched_at"][:7]), set()).add(
            rec["source_id"]
        )
    assert by_unit == EXPECTED
    per_capture = Counter(
        (r["raw"]["capture_key"], r["source_id"]) for _p, r in landed_records(home)
    )
    assert max(per_capture.values()) == 1


def test_archive_postings_load_as_postings_with_their_capture_history(
    landed, tmp_path: Path
) -> None:
    from promptjobs.refresh import load_warehouse

    home = tmp_path / "home"
    shutil.copytree(landed[0], home, ignore=shutil.ignore_patterns("httpcache"))
    # The same Greenhouse job, crawled live much later from the board's API.
    writer = LandingWriter(
        home / "landing",
        "greenhouse",
        __import__("datetime").date(2026, 11, 2),
        "20261102T060000-0000live",
    )
    writer.write(
        {
            "source": "greenhouse",
            "board": "acme",
            "source_id": "4012345",
            "url": "https://boards.greenhouse.io/acme/jobs/4012345",
            "company": "Acme",
            "title": "Prompt Engineer (LLM products)",
            "location_raw": "San Francisco, CA",
            "remote_hint": None,
            "description_html": None,
            "description_text": "Design prompts and evals for our LLM products. Python.",
            "posted_at": "2024-01-05T00:00:00Z",
            "updated_at": None,
            "fetched_at": "2026-11-02T06:00:00Z",
            "employment_type": None,
            "compensation": None,
            "compensation_ranges": [],
            "attribution_url": None,
        }
    )
    writer.close(
        {
            "run_id": writer.run_id,
            "source": "greenhouse",
            "crawl_date": "2026-11-02",
            "status": "ok",
            "items": 1,
            "errors": {},
            "boards_ok": ["acme"],
            "boards_not_found": [],
            "boards_failed": [],
        }
    )
    settings = load_settings({"home": home, "workers": 1}, environ={})
    load_warehouse(settings)
    with settings.open_warehouse().reader() as con:
        rows = con.sql(
            "select posting_id, url, first_seen::varchar, last_seen::varchar, closed_at, "
            "canonical_posting_id from postings where source = 'archive' order by posting_id"
        ).fetchall()
        facts = con.sql(
            "select count(*), min(first_seen)::varchar from posting_facts "
            "where canonical_posting_id = 'greenhouse:4012345'"
        ).fetchone()
        monthly = con.sql(
            "select month::varchar, captures, postings, core, core_share, core_share_lo, "
            "core_share_hi from archive_monthly order by month"
        ).fetchall()
        closing = dict(
            con.sql(
                "select posting_id, (closed_at::varchar, closed_by) from postings "
                "where source = 'archive'"
            ).fetchall()
        )
    by_id = {r[0]: r for r in rows}
    assert len(by_id) == 6
    prompt = by_id["archive:greenhouse:4012345"]
    assert prompt[1] == PROMPT.url
    # Its validThrough (March 31) passed, but the live crawl saw the job later: open.
    assert prompt[2:5] == ("2024-01-10", "2024-03-08", None)
    # The analyst (same board, no JSON-LD) is not on the board's live crawl: closed there.
    # The ML job closes at its page's validThrough (JSON-LD, carried through the landing
    # record); the others' boards were never crawled again: open, as last seen.
    assert closing == {
        "archive:greenhouse:4012345": (None, None),
        "archive:greenhouse:4012399": ("2026-11-02", "board_crawl"),
        "archive:smartrecruiters:743999912345678": ("2024-02-29", "valid_through"),
        "archive:lever:0b6f0c1e-1111-4222-8333-944455556666": (None, None),
        "archive:ashby:5a0d1a44-2b7e-4d1b-9c55-0a6c1b2d3e4f": (None, None),
        "archive:workable:8F2A3B1C4D": (None, None),
    }
    # The archived posting is the live one: one job, whose history starts in the archive.
    assert prompt[5] == "greenhouse:4012345"
    assert facts == (1, "2024-01-10")
    assert [m[:3] for m in monthly] == [
        ("2024-01-01", 4, 3),
        ("2024-02-01", 4, 3),
        ("2024-03-01", 3, 3),
    ]
    for _month, _captures, n, core, share, lo, hi in monthly:
        assert core >= 1  # the prompt engineer is in every month
        z = 1.96
        centre = (share + z * z / (2 * n)) / (1 + z * z / n)
        half = z * ((share * (1 - share) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
        assert share == core / n
        assert lo == pytest.approx(max(0.0, centre - half)) and hi == pytest.approx(
            min(1.0, centre + half)
        )


def test_workday_job_pages_are_backfilled_when_asked_for(
    archive: ArchiveReplay, tmp_path: Path
) -> None:
    from promptjobs.refresh import load_warehouse

    home = tmp_path / "home"
    plan = BackfillPlan(
        home=home,
        months=MONTHS[:3],
        archives=("commoncrawl",),
        families=("workday",),
        archive_base=archive.url,
        user_agent=UA,
    )
    summary = backfill(plan, progress=False, scrapy_settings=FAST)
    records = [r for _p, r in landed_records(home)]
    by_unit: dict[tuple[str, str], set[str]] = {}
    for rec in records:
        by_unit.setdefault((rec["raw"]["archive"], rec["fetched_at"][:7]), set()).add(
            rec["source_id"]
        )
    assert by_unit == WORKDAY_EXPECTED
    # The career site's index page is listed, not fetched; the page without JSON-LD is
    # fetched and shows no posting (Workday draws it in the browser).
    february = next(u for u in summary["units"] if u["month"] == "2024-02")
    assert february["found_by"] == {"none": 1} and february["postings"] == 0
    prompt = next(r for r in records if r["source_id"] == "workday:RQ301234")
    assert prompt["board"] == WORKDAY_BOARD and prompt["url"] == WD_PROMPT.url
    assert prompt["title"] == "Prompt Engineer" and prompt["company"] == "GDIT"
    assert prompt["valid_through"] == "2024-02-20" and prompt["posted_at"] == "2024-01-08"
    assert "Write and evaluate prompts" in prompt["description_text"]
    settings = load_settings({"home": home, "workers": 1}, environ={})
    load_warehouse(settings)
    with settings.open_warehouse().reader() as con:
        got = con.sql(
            "select posting_id, last_seen::varchar, closed_at::varchar, closed_by "
            "from postings order by 1"
        ).fetchall()
    assert got == [
        ("archive:workday:RQ301234", "2024-01-11", "2024-02-20", "valid_through"),
        ("archive:workday:RQ301299-1", "2024-03-11", None, None),
    ]
