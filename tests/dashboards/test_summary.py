"""Week-over-week figures for summary.md, from small hand-made view frames."""

from __future__ import annotations

from datetime import date

import polars as pl

from dashboards.summary import Headline, md, summary_markdown, week_over_week

W1, W2, W3 = date(2026, 10, 19), date(2026, 10, 26), date(2026, 11, 2)


def demand(rows: list[tuple[date, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(w, role, "greenhouse", n, n + 5) for w, role, n in rows],
        schema=["week", "role", "source", "new_postings", "active_postings"],
        orient="row",
    )


def trends(rows: list[tuple[date, str, int, float]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(w, name.lower(), name, n, share) for w, name, n, share in rows],
        schema=["week", "skill_id", "skill_name", "postings", "share"],
        orient="row",
    )


PAY = pl.DataFrame(
    {
        "role": ["core"] * 4,
        "demand_date": [
            date(2026, 10, 20),
            date(2026, 10, 21),
            date(2026, 10, 27),
            date(2026, 10, 28),
        ],
        "pay_usd": [180_000.0, 200_000.0, 210_000.0, 230_000.0],
    }
)


def test_latest_week_with_new_postings_against_the_week_before() -> None:
    weekly = demand([(W1, "core", 10), (W1, "adjacent", 10), (W2, "core", 30), (W3, "core", 0)])
    skills = trends(
        [
            (W1, "Python", 10, 0.5),
            (W2, "Python", 9, 0.3),
            (W1, "RAG", 2, 0.1),
            (W2, "RAG", 12, 0.4),
            (W2, "Rare", 1, 0.03),  # under 5 postings in both weeks: not listed
        ]
    )
    wow = week_over_week(weekly, PAY, skills, report_date=date(2026, 11, 3))
    assert wow is not None
    assert wow.week == W2 and wow.previous_week == W1 and not wow.partial
    assert (wow.new_postings, wow.previous_new_postings) == (30, 20)
    assert (wow.median_pay, wow.previous_median_pay) == (220_000.0, 190_000.0)
    assert wow.rising == [("RAG", 0.4, 0.1)]
    assert wow.falling == [("Python", 0.3, 0.5)]


def test_no_skill_movers_when_the_week_before_had_no_postings() -> None:
    weekly = demand([(W1, "core", 0), (W2, "core", 8)])
    wow = week_over_week(weekly, PAY, trends([(W2, "Python", 8, 1.0)]), date(2026, 10, 28))
    assert wow is not None and wow.partial
    assert wow.rising == [] and wow.falling == []


def test_summary_markdown_escapes_text_from_the_data() -> None:
    assert md("<b>C++ *fast*</b>") == "&lt;b&gt;C++ \\*fast\\*&lt;/b&gt;"
    weekly = demand([(W1, "core", 10), (W2, "core", 12)])
    skills = trends([(W1, "<img src=x>", 5, 0.5), (W2, "<img src=x>", 9, 0.75)])
    wow = week_over_week(weekly, PAY, skills, date(2026, 11, 10))
    head = Headline(22, 3, W1, date(2026, 10, 27), 4, 205_000.0)
    text = summary_markdown(head, wow, [], date(2026, 11, 10))
    assert "- **22 postings** from 3 companies, 2026-10-19 to 2026-10-27" in text
    assert "- 18% state pay; median annual pay $205,000" in text
    assert "- New postings: 12 (+2 (+20%))" in text
    assert "&lt;img src=x&gt; 50% -> 75%" in text and "<img" not in text
