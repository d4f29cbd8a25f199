"""The History figure and the booming claim, on archive_monthly rows shaped like the view's."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from dashboards.history import THIN_MONTH, booming_claim, history_figure


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
