"""The History figure and the booming claim, on archive_monthly rows shaped like the view's."""

from __future__ import annotations

import csv
import html
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from archive_market import build_history_warehouse, months_of
from report_fixtures import REPORT_DAY, job, open_reader

from dashboards.data import load_views
from dashboards.history import (
    HISTORY_VIEWS,
    MIN_YEAR_POSTINGS,
    THIN_MONTH,
    booming_claim,
    booming_rule,
    booming_verdict,
    history_figure,
)
from dashboards.report import build_report


def monthly(rows: list[tuple[date, int, int, int]]) -> pl.DataFrame:
    out = []
    for month, n, core, adjacent in rows:
        out.append(
            {
                "month": month,
                "captures": n + 5,
                "postings": n,
                "core": core,
                "adjacent": adjacent,
                "core_share": core / n,
                "core_share_lo": max(0.0, core / n - 0.05),
                "core_share_hi": min(1.0, core / n + 0.05),
                "adjacent_share": adjacent / n,
                "adjacent_share_lo": max(0.0, adjacent / n - 0.05),
                "adjacent_share_hi": min(1.0, adjacent / n + 0.05),
            }
        )
    return pl.DataFrame(out)


def test_the_figure_marks_thin_months_and_shows_the_denominators() -> None:
    frame = monthly([(date(2023, 6, 1), 150, 3, 9), (date(2023, 7, 1), 400, 10, 30)])
    named = history_figure(frame)
    core = next(t for t in named.figure.data if t.name == "core (prompt work)")
    assert list(core.marker.color) == ["white", "#6a3d9a"]  # 150 < THIN_MONTH: hollow
    assert [list(c[:2]) for c in core.customdata] == [[3, 150], [10, 400]]
    assert str(THIN_MONTH) in named.note


def test_an_empty_history_says_how_to_get_one() -> None:
    named = history_figure(monthly([(date(2023, 1, 1), 1, 0, 0)]).clear())
    assert "promptjobs backfill" in named.figure.layout.annotations[0].text


def test_the_booming_claim_compares_the_2024_share_with_2023s() -> None:
    frame = monthly(
        [(date(2023, m, 1), 300, 3, 20) for m in (1, 2)]
        + [(date(2024, m, 1), 300, 9, 25) for m in (1, 2)]
    )
    claim = booming_claim(frame)
    assert claim["core_share_2023"] == pytest.approx(6 / 600)
    assert claim["core_share_2024"] == pytest.approx(18 / 600)
    assert claim["ratio"] == pytest.approx(3.0) and claim["verdict"] == "rising"
    assert claim["ai_index_ratio"] == 4.5


def test_a_thin_year_gives_no_verdict() -> None:
    claim = booming_claim(monthly([(date(2023, 1, 1), 50, 1, 2), (date(2024, 1, 1), 900, 9, 20)]))
    assert claim["verdict"] == "not enough data" and claim["ratio"] is None


# --- the booming verdict on warehouses built through the real loads ---------------------------


def history_of(tmp_path, months) -> tuple[pl.DataFrame, Path]:
    """A warehouse with one live job and the archive captures of `months` (real landing
    files, the real refresh and extractor); its archive_monthly rows."""
    path = build_history_warehouse(tmp_path / "home", [job(1)], months)
    con = open_reader(path)
    try:
        return load_views(con, HISTORY_VIEWS)["archive_monthly"], path
    finally:
        con.close()


def pooled(frame: pl.DataFrame, year: int) -> tuple[int, int]:
    rows = frame.filter(pl.col("month").dt.year() == year)
    return int(rows["core"].sum()), int(rows["postings"].sum())


@pytest.mark.parametrize(
    ("shares", "label"),
    [
        (((3, 20, 27), (15, 20, 15)), "supported"),  # 6% -> 30%
        (((5, 20, 25), (6, 20, 24)), "partly"),  # 10% -> 12%: the intervals overlap
        (((15, 20, 15), (3, 20, 27)), "not supported"),  # 30% -> 6%
    ],
)
def test_the_booming_verdict_from_real_loads(tmp_path, shares, label) -> None:
    y23, y24 = shares
    frame, _ = history_of(
        tmp_path, {**months_of(2023, y23, (3, 6, 9, 12)), **months_of(2024, y24, (3, 6, 9, 12))}
    )
    (k23, n23), (k24, n24) = pooled(frame, 2023), pooled(frame, 2024)
    assert n23 == n24 == 200  # every archived job landed, one month each
    verdict = booming_verdict(frame)
    assert verdict.claim == "booming" and verdict.n == 400
    assert verdict.label == label, verdict.line
    ratio = (k24 / n24) / (k23 / n23)
    assert f"ratio of {ratio:.2f}x" in verdict.line
    assert "4.5x" in verdict.line and "not as a target" in verdict.line


def test_a_thin_year_or_no_archive_is_not_enough_data_with_the_reason(tmp_path) -> None:
    frame, _ = history_of(
        tmp_path / "thin",
        {**months_of(2023, (5, 20, 25), (3, 6)), **months_of(2024, (15, 20, 15), (3, 6, 9, 12))},
    )
    thin = booming_verdict(frame)
    assert thin.label == "not enough data" and thin.n == 300
    assert f"2023 has 100 archived postings, under {MIN_YEAR_POSTINGS}" in thin.line
    empty, _ = history_of(tmp_path / "none", {})
    assert empty.is_empty()
    none = booming_verdict(empty)
    assert none.label == "not enough data" and none.n == 0
    assert "no archive history" in none.line


def test_the_pages_carry_the_history_figure_and_the_booming_claim(tmp_path) -> None:
    months = {**months_of(2023, (3, 20, 27), (3, 6, 9, 12)), **months_of(2024, (15, 20, 15), (3,))}
    _, path = history_of(tmp_path, months)
    con = open_reader(path)
    try:
        result = build_report(con, tmp_path / "report", report_date=REPORT_DAY)
    finally:
        con.close()
    index, claims = result.index_path.read_text(), result.claims_path.read_text()
    assert 'data-figure="history"' in index and 'href="data/history.csv"' in index
    assert 'data-figure="claims_booming"' in claims and 'id="claim-booming"' in claims
    # 2024 has 50 archived postings: the claim says so instead of a ratio.
    assert "2024 has 50 archived postings, under 200" in claims
    assert html.escape(booming_rule()) in claims
    rows = list(csv.DictReader((result.index_path.parent / "data" / "history.csv").open()))
    core = [r for r in rows if r["trace"] == "core (prompt work)"]
    # Every month from the first capture to the last; months without captures are gaps.
    assert len(core) == 13 and sum(r["y"] == "" and r["n"] == "" for r in core) == 8
    assert [(r["x"], r["n"], r["thin"]) for r in core if r["n"]] == [
        ("2023-03-01", "50", "true"),
        ("2023-06-01", "50", "true"),
        ("2023-09-01", "50", "true"),
        ("2023-12-01", "50", "true"),
        ("2024-03-01", "50", "true"),
    ]
