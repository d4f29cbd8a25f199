"""build_report: the files it writes, what they hold, and how it copes with empty or missing data."""

from __future__ import annotations

import html
import re
from pathlib import Path

import duckdb
import pytest
from report_fixtures import REPORT_DAY, build_warehouse, market, open_reader

from dashboards.data import ReportError
from dashboards.report import build_report

INDEX_FIGURES = {
    "observed_demand",
    "observed_by_source",
    "pay_by_seniority",
    "band_share_over_time",
    "ai_involvement_over_time",
    "pay_by_region_and_remote",
    "top_skills",
    "skill_trends",
    "skill_cooccurrence",
    "skill_pay_premium",
    "top_employers",
    "time_to_close",
    "us_state_map",
    "history",
}


def test_report_writes_linked_pages_and_the_brief(sample_reader, tmp_path: Path):
    result = build_report(sample_reader, tmp_path / "report", report_date=REPORT_DAY)
    index = result.index_path.read_text()
    claims = result.claims_path.read_text()
    brief = result.brief_html_path.read_text()
    assert result.index_path == tmp_path / "report" / "index.html"
    assert 'href="claims.html"' in index and 'href="index.html"' in claims
    assert 'href="brief.html"' in index and 'href="index.html"' in brief
    assert set(re.findall(r'data-figure="([^"]+)"', index)) == INDEX_FIGURES
    assert len(re.findall(r'data-figure="([^"]+)"', claims)) == 9  # with claims_booming
    assert set(result.figures) >= INDEX_FIGURES and len(result.figures) == 23
    assert result.brief_path.read_text().startswith(
        "# Prompt-engineering job market, brief of 2026-11-21"
    )
    assert result.pngs == [] and result.card_path is None
    assert "build with <code>--png</code>" in brief


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


def test_brief_compares_complete_crawled_weeks(sample_reader, tmp_path: Path):
    text = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).brief_path.read_text()
    # crawls every Monday to 2026-11-16; on Saturday 2026-11-21 that week is not complete
    assert "Complete crawled week of 2026-11-09 against 2026-11-02:" in text
    new, before = sample_reader.sql(
        "select count(*) filter (where first_seen between '2026-11-09' and '2026-11-15'), "
        "count(*) filter (where first_seen between '2026-11-02' and '2026-11-08') "
        "from posting_facts"
    ).fetchone()
    assert f"new postings first seen {new:,} ({new - before:+,}" in text
    assert re.search(r"median annual pay of the new postings \$[\d,]+ \(n=\d+, 95% interval", text)
    assert len(re.findall(r"^- US pay of \$175k-\$300k, (core|adjacent): ", text, re.M)) == 2
    assert "Sampling frame: 8 board(s) of 4 source(s), crawled on 8 day(s)" in text


def test_claims_page_explains_every_verdict(sample_reader, tmp_path: Path):
    claims = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).claims_path.read_text()
    assert claims.count("How the verdict is computed.") == 6
    assert "Below 30 postings in the sample" in claims
    # 4 claims x (core, adjacent) + the prompt-title claim on all LLM work + the booming
    # claim (core, from the archive history); table + lists
    assert len(re.findall(r'class="verdict v-', claims)) == 20
    assert "all LLM-related postings (core + adjacent)" in claims
    assert "<h3>Pay in numbers (annual USD, postings with stated pay)</h3>" in claims


def test_empty_warehouse_builds_with_no_data_notes(tmp_path: Path) -> None:
    con = open_reader(build_warehouse(tmp_path / "home", [], crawls=()))
    try:
        result = build_report(con, tmp_path / "report", report_date=REPORT_DAY)
    finally:
        con.close()
    index = result.index_path.read_text()
    assert index.count("no data yet") == 13
    assert result.claims_path.read_text().count("no data yet") == 8
    brief = result.brief_path.read_text()
    assert "- 0 postings (canonical jobs)" in brief and "nothing to compare" in brief
    assert "not enough data" in brief and "No crawl loaded yet." in brief


def test_thin_warehouse_builds(tmp_path: Path) -> None:
    path = build_warehouse(tmp_path / "home", market(per_crawl=2)[:12])
    con = open_reader(path)
    try:
        result = build_report(con, tmp_path / "report", report_date=REPORT_DAY)
    finally:
        con.close()
    assert len(result.figures) == 23
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


def test_a_caveat_from_the_edge_opens_both_pages(sample_reader, tmp_path: Path):
    from scrapers.demo.market import caveat

    note = caveat()
    result = build_report(sample_reader, tmp_path / "report", report_date=REPORT_DAY, caveat=note)
    escaped = html.escape(note)
    for page in (result.index_path, result.claims_path):
        text = page.read_text()
        assert f'<p class="caveat"><strong>{escaped}</strong></p>' in text
        assert text.index('class="caveat"') < text.index("data-figure=")
    # The brief says it first too, in both forms.
    assert result.brief_path.read_text().splitlines()[2].startswith("**Demo data: a synthetic")
    brief_page = result.brief_html_path.read_text()
    assert escaped in brief_page
    assert brief_page.index('<section id="caveat">') < brief_page.index(
        '<section id="key-numbers">'
    )
    plain = build_report(sample_reader, tmp_path / "plain", report_date=REPORT_DAY)
    assert 'class="caveat"' not in plain.claims_path.read_text()
    assert "Demo data" not in plain.brief_path.read_text()
    assert "Demo data" not in plain.brief_html_path.read_text()


def test_claims_page_tells_building_ai_from_mentioning_it(sample_reader, tmp_path: Path):
    claims = build_report(sample_reader, tmp_path, report_date=REPORT_DAY).claims_path.read_text()
    assert "<th>build / use / only mention AI</th>" in claims
    counts = dict(
        sample_reader.sql(
            "select ai_involvement, count(*) from posting_facts group by all"
        ).fetchall()
    )
    n = sum(counts.values())
    for key, what in (("builds", "build AI systems"), ("mentions", "only mention AI")):
        k = counts.get(key, 0)
        match = re.search(rf"(\d+)% {what} \(([\d,]+) of ([\d,]+); 95% interval", claims)
        assert match, what
        assert int(match.group(2).replace(",", "")) == k
        assert int(match.group(3).replace(",", "")) == n
        assert int(match.group(1)) == round(100 * k / n)
    # Every core and adjacent posting builds AI: the LLM claims' populations do.
    roles = sample_reader.sql(
        "select count(*) from posting_facts where role in ('core', 'adjacent') "
        "and ai_involvement <> 'builds'"
    ).fetchall()
    assert roles == [(0,)]
