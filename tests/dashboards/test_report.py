"""build_report: the files it writes, what they hold, and how it copes with empty or missing data."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from report_fixtures import REPORT_DAY, build_warehouse, market, open_reader

from dashboards.data import ReportError
from dashboards.report import build_report

INDEX_FIGURES = {
    "weekly_postings_by_role",
    "weekly_postings_by_source",
    "pay_by_seniority",
    "band_share_over_time",
    "pay_by_region_and_remote",
    "top_skills",
    "skill_trends",
    "skill_cooccurrence",
    "skill_pay_premium",
    "top_employers",
    "time_to_close",
    "us_state_map",
}


def test_report_writes_three_linked_pages(sample_reader: duckdb.DuckDBPyConnection, tmp_path: Path):
    result = build_report(sample_reader, tmp_path / "report", report_date=REPORT_DAY)
    index = result.index_path.read_text()
    claims = result.claims_path.read_text()
    assert result.index_path == tmp_path / "report" / "index.html"
    assert 'href="claims.html"' in index and 'href="index.html"' in claims
    assert set(re.findall(r'data-figure="([^"]+)"', index)) == INDEX_FIGURES
    assert len(re.findall(r'data-figure="([^"]+)"', claims)) == 8
    assert set(result.figures) >= INDEX_FIGURES and len(result.figures) == 20
    assert result.pngs == []


def test_pages_are_self_contained(sample_reader: duckdb.DuckDBPyConnection, tmp_path: Path):
    result = build_report(sample_reader, tmp_path / "report", report_date=REPORT_DAY)
    for page in (result.index_path, result.claims_path):
        text = page.read_text()
        assert text.count("Plotly.newPlot") >= 8
        # plotly.js inlined exactly once; no script, stylesheet or font from anywhere else
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, re.S)
        assert sum(len(script) > 1_000_000 for script in scripts) == 1  # the plotly.js bundle
        assert "cdn.plot.ly" not in text
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", text)
        assert "default-src 'none'" in text


def test_header_states_the_headline_numbers(sample_reader: duckdb.DuckDBPyConnection, tmp_path):
    postings, companies, with_pay, median = sample_reader.sql(
        "select count(*), count(distinct company), count(pay_usd), median(pay_usd) "
        "from posting_facts"
    ).fetchone()
    index = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).index_path.read_text()
    assert f'<td class="num">{postings:,}</td>' in index
    assert f'<td class="num">{companies:,}</td>' in index
    assert f"{with_pay / postings:.0%}" in index
    assert f"${median:,.0f}" in index
    # sources with their attribution links
    assert '<a href="https://remoteok.com" rel="noopener">remoteok</a>' in index


def test_summary_md_reports_week_over_week_and_verdicts(sample_reader, tmp_path: Path):
    summary = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).summary_path
    text = summary.read_text()
    assert text.startswith("# Prompt-engineering job market, report of 2026-11-21")
    assert "Week of 2026-11-16 (partial week) against the week before" in text
    assert re.search(r"- New postings: \d+ \([+-]\d+ \([+-]\d+%\)\)", text)
    assert re.search(r"- Median annual pay: \$[\d,]+ \([+-]\$[\d,]+", text)
    assert "- Rising skills (share of postings): " in text
    assert "- Falling skills (share of postings): " in text
    assert (
        len(
            re.findall(
                r"^- (pay|hybrid profile|experience|hiring difficulty|prompt titles), "
                r"(core|adjacent): \*\*",
                text,
                re.M,
            )
        )
        == 10
    )


def test_claims_page_explains_every_verdict(sample_reader, tmp_path: Path):
    claims = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).claims_path.read_text()
    assert claims.count("How the verdict is computed.") == 5
    assert "Below 30 postings in the sample" in claims
    assert len(re.findall(r'class="verdict v-', claims)) == 20  # table + per-claim lists
    assert "<h3>Pay in numbers (annual USD, postings with stated pay)</h3>" in claims


def test_empty_warehouse_builds_with_no_data_notes(tmp_path: Path) -> None:
    con = open_reader(build_warehouse(tmp_path / "home", [], crawls=()))
    try:
        result = build_report(con, tmp_path / "report", report_date=REPORT_DAY)
    finally:
        con.close()
    index = result.index_path.read_text()
    assert index.count("no data yet") == 12
    assert result.claims_path.read_text().count("no data yet") == 8
    summary = result.summary_path.read_text()
    assert "**0 postings**" in summary and "No weekly data yet." in summary
    assert "not enough data" in summary


def test_thin_warehouse_builds(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path / "home", market(per_crawl=2)[:12])
    con = open_reader(path)
    try:
        result = build_report(con, tmp_path / "report", report_date=REPORT_DAY)
    finally:
        con.close()
    assert len(result.figures) == 20
    # the skill premium needs 30 paid postings on each side
    assert "needs 30+ postings with pay each side" in result.index_path.read_text()


def test_missing_view_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    con = open_reader(path)
    try:
        with pytest.raises(ReportError) as error:
            build_report(con, tmp_path / "report")
    finally:
        con.close()
    message = str(error.value)
    assert "\n" not in message
    assert "no view 'weekly_demand'" in message and "promptjobs refresh" in message
    assert not (tmp_path / "report" / "index.html").exists()
