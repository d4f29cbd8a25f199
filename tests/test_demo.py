"""End to end: `promptjobs demo` in a fresh PROMPTJOBS_HOME builds a warehouse and a report,
offline, and running it a second time leaves the warehouse exactly as it was."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))


def run_cli(home: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env["PROMPTJOBS_HOME"] = str(home)
    return subprocess.run(
        [PROMPTJOBS, *args], capture_output=True, text=True, env=env, timeout=timeout, cwd=home
    )


def sql_rows(home: Path, query: str) -> list[dict[str, str]]:
    result = run_cli(home, "sql", query, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def table_snapshot(home: Path) -> dict[str, str]:
    """The rows that define the warehouse's content, as JSON per table."""
    queries = {
        "postings": "select * from postings order by posting_id",
        "posting_skills": "select posting_id, skill_id from posting_skills order by all",
        "posting_salaries": "select * from posting_salaries order by all",
        "raw_postings": "select source, source_id, content_hash from raw_postings order by all",
        # The frame, less the wall-clock columns (when a check ran, not what it found).
        "boards": "select ats, board_key, board, status, in_registry, company, "
        "found_in_posting_id, found_count, first_seen, last_ok, postings_last_crawl "
        "from boards order by all",
    }
    snapshot = {}
    for table, query in queries.items():
        result = run_cli(home, "sql", query, "--format", "json")
        assert result.returncode == 0, result.stderr
        snapshot[table] = result.stdout
    return snapshot


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    home = tmp_path_factory.mktemp("demo-home")
    result = run_cli(home, "demo")
    assert result.returncode == 0, result.stderr[-3000:]
    return home, result


def test_demo_prints_where_things_are_and_a_summary(demo_home) -> None:
    home, result = demo_home
    out = result.stderr
    assert str(home / "warehouse.duckdb") in out
    for label in (
        "postings",
        "companies",
        "share with stated pay",
        "median annual pay",
        "top skills",
    ):
        assert label in out


def test_demo_writes_only_under_its_home(demo_home) -> None:
    home, _ = demo_home
    assert (home / "warehouse.duckdb").is_file()
    assert any((home / "landing").glob("source=*/date=*/*.jsonl.gz"))
    assert (home / "reports" / "latest" / "index.html").is_file()


def test_demo_warehouse_holds_hundreds_of_postings_with_pay_and_skills(demo_home) -> None:
    home, _ = demo_home
    [row] = sql_rows(
        home,
        "select count(*) as postings, count(distinct source) as sources, "
        "count(salary_min_annual_usd) + count(salary_max_annual_usd) as pay_bounds, "
        "count(distinct role) as roles from postings",
    )
    assert int(row["postings"]) >= 400
    assert int(row["sources"]) >= 6
    assert int(row["pay_bounds"]) > 100
    assert int(row["roles"]) == 3
    [skills] = sql_rows(home, "select count(distinct skill_id) as n from posting_skills")
    assert int(skills["n"]) >= 30
    [raw] = sql_rows(home, "select count(*) as n from raw_postings")
    assert int(raw["n"]) >= int(row["postings"])


def test_demo_history_has_closed_postings(demo_home) -> None:
    home, _ = demo_home
    [row] = sql_rows(home, "select count(closed_at) as closed, count(*) as n from postings")
    assert 0 < int(row["closed"]) < int(row["n"])


def test_report_is_self_contained_html(demo_home) -> None:
    home, _ = demo_home
    html = (home / "reports" / "latest" / "index.html").read_text()
    assert "cdn.plot.ly" not in html
    assert html.count("Plotly.newPlot") >= 10
    assert (home / "reports" / "latest" / "claims.html").is_file()
    assert (home / "reports" / "latest" / "brief.md").is_file()


def test_sql_json_format_returns_objects(demo_home) -> None:
    home, _ = demo_home
    result = run_cli(
        home, "sql", "select role, count(*) as n from postings group by role", "-f", "json"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["role"] for r in rows} == {"core", "adjacent", "other"}


def test_second_demo_run_leaves_the_warehouse_unchanged(demo_home) -> None:
    home, _ = demo_home
    before = table_snapshot(home)
    again = run_cli(home, "demo")
    assert again.returncode == 0, again.stderr[-3000:]
    assert table_snapshot(home) == before


def test_refresh_without_crawl_after_demo_changes_nothing(demo_home) -> None:
    home, _ = demo_home
    before = table_snapshot(home)
    result = run_cli(home, "refresh", "--no-crawl", "--no-report")
    assert result.returncode == 0, result.stderr[-3000:]
    assert table_snapshot(home) == before


def test_demo_finds_boards_only_discovery_can_find_and_crawls_them_the_next_day(demo_home):
    home, result = demo_home
    found = sql_rows(
        home,
        "select b.ats, b.board, b.status, b.first_seen::varchar as found_on, "
        "min(s.crawl_date)::varchar as first_crawled from boards b "
        "join posting_sightings s on s.source = b.ats and lower(s.board) = b.board_key "
        "where not b.in_registry group by all order by found_on, b.ats",
    )
    # HN comments of the first day link four boards; their postings link two more.
    assert [(r["ats"], r["found_on"], r["first_crawled"]) for r in found] == [
        ("ashby", "2026-09-07", "2026-09-21"),
        ("bamboohr", "2026-09-07", "2026-09-21"),
        ("recruitee", "2026-09-07", "2026-09-21"),
        ("workday", "2026-09-07", "2026-09-21"),
        ("breezy", "2026-09-21", "2026-10-05"),
        ("personio", "2026-09-21", "2026-10-05"),
    ]
    assert {r["status"] for r in found} == {"valid"}
    frame = sql_rows(home, "select ats, status, boards, discovered from board_frame")
    assert sum(int(r["discovered"]) for r in frame) == 6
    index = (home / "reports" / "latest" / "index.html").read_text(encoding="utf-8")
    assert "Sampling frame" in index and "not a random sample of employers" in index
