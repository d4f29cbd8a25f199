"""The kit under every figure: the CSV of the drawn numbers (equal to what the page draws),
the method, the snapshot, the sources; and each figure's text alternative."""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import duckdb
import pytest
from report_fixtures import REPORT_DAY, open_reader

from dashboards.figure_data import cell, decode
from dashboards.report import ReportResult, build_report
from scrapers.sources import get_source, source_terms


@pytest.fixture(params=["market", "history"])
def report(request: pytest.FixtureRequest, tmp_path: Path) -> ReportResult:
    """The market alone (no archive history: the History figure empty) and with archive
    history (History and the booming figure drawn from data), with the sources' terms
    links as the edges pass them."""
    if request.param == "market":
        con = request.getfixturevalue("sample_reader")
        return build_report(
            con, tmp_path / "report", report_date=REPORT_DAY, source_terms=source_terms()
        )
    con = open_reader(request.getfixturevalue("history_warehouse"))
    try:
        return build_report(
            con, tmp_path / "report", report_date=REPORT_DAY, source_terms=source_terms()
        )
    finally:
        con.close()


def page_figures(page: Path) -> dict[str, list[dict]]:
    """name -> the traces Plotly draws on the page, read from the page's own script."""
    text = page.read_text()
    decoder = json.JSONDecoder()
    figures = {}
    for match in re.finditer(r'Plotly\.newPlot\(\s*"fig-([^"]+)",\s*', text):
        data, _ = decoder.raw_decode(text, match.end())
        figures[match.group(1)] = data
    return figures


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_csv_holds_exactly_the_numbers_the_page_draws(report: ReportResult) -> None:
    drawn = page_figures(report.index_path) | page_figures(report.claims_path)
    assert set(drawn) == set(report.figures)
    for name, traces in drawn.items():
        rows = read_csv(report.index_path.parent / "data" / f"{name}.csv")
        offset = 0
        for trace in traces:
            if trace.get("type") == "heatmap":
                cells = [
                    (cell(x), cell(y), cell(z))
                    for y, zrow in zip(decode(trace["y"]), decode(trace["z"]), strict=True)
                    for x, z in zip(decode(trace["x"]), zrow, strict=True)
                ]
            elif trace.get("type") == "box":
                cells = [
                    (cell(x), cell(m), "")
                    for x, m in zip(decode(trace["x"]), decode(trace["median"]), strict=True)
                ]
            else:
                cells = [
                    (cell(x), cell(y), "")
                    for x, y in zip(decode(trace.get("x")), decode(trace.get("y")), strict=True)
                ]
            mine = rows[offset : offset + len(cells)]
            offset += len(cells)
            value = "z" if trace.get("type") == "heatmap" else None
            got = [
                (
                    r["x"],
                    r["median"] if trace.get("type") == "box" else r["y"],
                    r[value] if value else "",
                )
                for r in mine
            ]
            assert got == cells, f"{name}: trace {trace.get('name')!r} differs from its CSV"
            assert {r["trace"] for r in mine} <= {
                html.unescape(trace.get("name") or ""),
                trace.get("name") or "",
            }
        assert offset == len(rows), f"{name}: the CSV has rows the page does not draw"


def test_shares_over_time_carry_n_and_their_interval(report: ReportResult) -> None:
    names = (
        "band_share_over_time",
        "ai_involvement_over_time",
        "skill_trends",
        "claims_pay_trend",
    )
    if (report.index_path.parent / "data" / "history.csv").read_text().count("\n") > 1:
        names += ("history", "claims_booming")
    for name in names:
        rows = read_csv(report.index_path.parent / "data" / f"{name}.csv")
        points = [r for r in rows if r["n"]]
        assert points, name
        for r in points:
            if r["ci_low"]:
                n, k = int(r["n"]), int(r["k"])
                assert float(r["ci_low"]) <= k / n <= float(r["ci_high"]), (name, r)
                assert r["y"] == "" or float(r["y"]) == pytest.approx(k / n)


def test_under_every_figure_the_kit(report: ReportResult) -> None:
    for page in (report.index_path, report.claims_path):
        text = page.read_text()
        names = re.findall(r'data-figure="([^"]+)"', text)
        for name in names:
            assert f'href="data/{name}.csv"' in text
        assert text.count("<strong>Method.</strong>") == len(names)
        assert text.count("Snapshot: warehouse refresh <code>") == len(names)
        assert text.count("Sources: public job-board postings from") == len(names)
        assert 'attribution: <a href="https://remoteok.com"' in text
        assert "figures/" not in text  # no PNG links without --png


def test_every_figure_kit_links_the_terms_of_each_source_with_postings(
    report: ReportResult, sample_reader: duckdb.DuckDBPyConnection
) -> None:
    contributed = [
        row[0]
        for row in sample_reader.execute(
            "select source from source_summary where postings > 0"
        ).fetchall()
    ]
    assert len(contributed) >= 2, contributed
    for page in (report.index_path, report.claims_path):
        text = page.read_text()
        kits = re.findall(r'<div class="kit">(.*?)</div>', text, flags=re.S)
        assert kits and len(kits) == len(re.findall(r'data-figure="', text))
        for kit in kits:
            for source in contributed:
                terms = html.escape(get_source(source).terms_url)
                assert f'terms: <a href="{terms}"' in kit, (page.name, source)


def test_every_figure_has_a_text_alternative_from_its_data(report: ReportResult) -> None:
    for page in (report.index_path, report.claims_path):
        text = page.read_text()
        labels = re.findall(r'data-figure="[^"]+" role="img" aria-label="([^"]*)"', text)
        assert len(labels) == len(re.findall(r'data-figure="', text))
        for label in labels:
            title, _, takeaway = html.unescape(label).partition(". ")
            assert title and re.search(r"\d", takeaway), label  # a takeaway with numbers
