"""Reading the views: the once-per-build snapshot of the base views, and its clean-up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from dashboards.data import CLAIMS_VIEWS, load_views, snapshot_base_views
from dashboards.report import build_report


def temp_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        name
        for (name,) in con.sql("select table_name from duckdb_tables() where temporary").fetchall()
    ]


def test_views_read_the_snapshot_and_give_the_same_rows(sample_reader) -> None:
    before = {
        name: frame.sort(frame.columns)
        for name, frame in load_views(sample_reader, CLAIMS_VIEWS).items()
    }
    with snapshot_base_views(sample_reader) as created:
        assert created == ["posting_facts", "posting_families"]
        assert sorted(temp_tables(sample_reader)) == ["posting_facts", "posting_families"]
        during = load_views(sample_reader, CLAIMS_VIEWS)
    for name, frame in during.items():
        assert frame.sort(frame.columns).equals(before[name]), name
    assert temp_tables(sample_reader) == []


def test_build_leaves_the_readers_session_as_it_found_it(sample_reader, tmp_path: Path) -> None:
    build_report(sample_reader, tmp_path, report_date=date(2026, 11, 21))
    assert temp_tables(sample_reader) == []


def test_snapshot_is_skipped_when_a_base_view_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
    try:
        with snapshot_base_views(con) as created:
            assert created == []
    finally:
        con.close()
