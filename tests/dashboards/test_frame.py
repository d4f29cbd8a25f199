"""The sampling frame on the report: boards per family and status, discovered boards and
when, postings, and the warning that a board list is not a random sample."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from dashboards.frame import WARNING, frame_section_html, frame_table, load_frame

FRAME = pl.DataFrame(
    {
        "ats": ["ashby", "ashby", "ashby", "workday"],
        "status": ["registry", "valid", "invalid", "valid"],
        "boards": [14, 3, 1, 2],
        "discovered": [0, 3, 1, 2],
        "first_discovered": [None, date(2026, 9, 7), date(2026, 9, 21), date(2026, 9, 21)],
        "last_discovered": [None, date(2026, 9, 21), date(2026, 9, 21), date(2026, 9, 21)],
        "postings": [80, 12, 0, 9],
        "open_postings": [50, 10, 0, 7],
    }
)


def test_one_row_per_family_with_boards_per_status():
    headers, rows = frame_table(FRAME)
    assert headers[:6] == ["ATS family", "registry", "valid", "candidate", "invalid", "gone"]
    assert rows == [
        ["ashby", 14, 3, 0, 1, 0, 4, "2026-09-07", 92],
        ["workday", 0, 2, 0, 0, 0, 2, "2026-09-21", 9],
    ]


def test_the_section_states_the_frame_and_the_warning():
    html = frame_section_html(FRAME)
    assert "101 ATS postings from 20 known boards, 6 of them found by board discovery" in html
    assert "not a random sample of employers" in html and "<table" in html
    assert WARNING.split(":")[0] in frame_section_html(None)


def test_a_warehouse_without_a_board_table_has_no_frame():
    con = duckdb.connect()
    assert load_frame(con) is None
