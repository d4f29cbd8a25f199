"""The report in a real browser: headless Debian Chromium opens the pages offline (file://),
every figure draws, no JavaScript error is raised, hostile text stays text; PNG export works."""

from __future__ import annotations

import struct

import pytest
from archive_market import REPORT_HISTORY, build_history_warehouse
from report_fixtures import (
    INJECTED_COMPANY,
    REPORT_DAY,
    chromium_dom,
    figure_chunks,
    market,
    open_reader,
)

from dashboards.report import ReportResult, build_report

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> ReportResult:
    root = tmp_path_factory.mktemp("render")
    # With archive history, so the History and booming figures draw from data too.
    path = build_history_warehouse(root / "home", market(hostile=True), REPORT_HISTORY)
    con = open_reader(path)
    try:
        return build_report(con, root / "report", png=True, report_date=REPORT_DAY)
    finally:
        con.close()


@pytest.fixture(scope="module")
def index_dom(hostile_report: ReportResult, tmp_path_factory: pytest.TempPathFactory) -> str:
    return chromium_dom(hostile_report.index_path, tmp_path_factory.mktemp("profile"))


@pytest.fixture(scope="module")
def claims_dom(hostile_report: ReportResult, tmp_path_factory: pytest.TempPathFactory) -> str:
    return chromium_dom(hostile_report.claims_path, tmp_path_factory.mktemp("profile"))


def assert_every_figure_drew(dom: str, expected: int) -> None:
    chunks = figure_chunks(dom)
    assert len(chunks) == expected
    for name, chunk in chunks.items():
        assert 'class="main-svg"' in chunk, f"{name} did not draw"
        # a drawn data layer: trace groups, or the heatmap's image
        assert 'class="trace' in chunk or 'class="hm"' in chunk, f"{name} has no data drawn"


def test_index_draws_every_figure_without_errors(index_dom: str) -> None:
    assert '<html lang="en" data-errors="">' in index_dom
    assert_every_figure_drew(index_dom, 14)  # with history and AI involvement


def test_claims_page_draws_every_figure_without_errors(claims_dom: str) -> None:
    assert '<html lang="en" data-errors="">' in claims_dom
    assert_every_figure_drew(claims_dom, 9)  # with claims_booming


def test_hostile_company_and_title_stay_inert(index_dom: str, claims_dom: str) -> None:
    for dom in (index_dom, claims_dom):
        assert 'data-pwned="' not in dom  # neither payload ran
        assert '<img src="x"' not in dom
    # shown as text: the company in the employers chart, the title in the claims table
    assert "&lt;img src=x onerror=" in figure_chunks(index_dom)["top_employers"]
    assert "Prompt Engineer &lt;script&gt;" in claims_dom
    # a javascript: attribution link is printed as text, never made a link
    assert 'href="javascript:' not in index_dom


def test_every_figure_exports_as_png(hostile_report: ReportResult) -> None:
    assert len(hostile_report.pngs) == len(hostile_report.figures) == 23
    for path, name in zip(hostile_report.pngs, hostile_report.figures, strict=True):
        assert path == hostile_report.index_path.parent / "figures" / f"{name}.png"
        header = path.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", header[16:24])
        assert width == 1200 and height >= 300


def test_injected_company_reaches_the_report_data(hostile_report: ReportResult) -> None:
    # guards the inertness test: the payload is on the page, HTML-escaped inside Plotly's JSON
    text = hostile_report.index_path.read_text()
    assert INJECTED_COMPANY not in text
    assert "&lt;img src=x onerror=&quot;document" in text
