"""The brief's week over week: complete crawled weeks only, never the baseline or a week in
progress; and its text, escaped, from hand-made frames."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from dashboards.brief import (
    Frame,
    Headline,
    brief_content,
    brief_markdown,
    md,
    week_over_week,
)

W0 = date(2026, 10, 5)  # the first crawled week
W1, W2, W3 = (W0 + timedelta(weeks=k) for k in (1, 2, 3))


def observed(rows: list[tuple[date, bool, int, int, int]]) -> pl.DataFrame:
    """(week, baseline, first_seen, closed, open) for role all, split over two sources."""
    out = []
    for week, baseline, first, closed, open_jobs in rows:
        half = first // 2
        out.append((week, "all", "greenhouse", baseline, half, closed, open_jobs))
        out.append((week, "all", "lever", baseline, first - half, 0, 0))
        out.append((week, "core", "lever", baseline, 1, 0, 1))  # not role all: not summed
    return pl.DataFrame(
        out,
        schema=["week", "role", "source", "baseline", "first_seen", "closed", "open_jobs"],
        orient="row",
    )


PAY = pl.DataFrame(
    {
        "role": ["core"] * 5,
        "first_seen": [W1, W1, W2, W2, W2],
        "pay_usd": [180_000.0, 200_000.0, 210_000.0, 230_000.0, 250_000.0],
    }
)


def test_last_complete_crawled_week_against_the_one_before() -> None:
    weeks = observed(
        [(W0, True, 120, 0, 120), (W1, False, 30, 4, 146), (W2, False, 36, 9, 173)]
        + [(W3, False, 5, 1, 177)]  # the report is built on W3's Wednesday: in progress
    )
    wow = week_over_week(weeks, PAY, report_date=W3 + timedelta(days=2))
    assert not isinstance(wow, str)
    assert (wow.week, wow.previous_week) == (W2, W1)
    assert (wow.new_postings, wow.previous_new_postings) == (36, 30)
    assert (wow.closed, wow.open_jobs) == (9, 173)
    assert (wow.median_pay, wow.n_pay, wow.previous_median_pay) == (230_000.0, 3, 190_000.0)
    assert wow.pay_interval is not None
    assert wow.pay_interval[0] <= 230_000 <= wow.pay_interval[1]


def test_the_baseline_week_is_never_compared() -> None:
    # one complete week after the first: its "new" would be set against the stock
    weeks = observed([(W0, True, 120, 0, 120), (W1, False, 30, 4, 146)])
    reason = week_over_week(weeks, PAY, report_date=W2)
    assert isinstance(reason, str) and "was the first crawled week" in reason


def test_a_week_in_progress_is_not_compared() -> None:
    weeks = observed([(W0, True, 120, 0, 120), (W1, False, 30, 4, 146)])
    reason = week_over_week(weeks, PAY, report_date=W1 + timedelta(days=2))
    assert isinstance(reason, str) and "no complete crawled week after the first" in reason


def test_a_gap_in_the_crawls_is_not_bridged() -> None:
    weeks = observed([(W0, True, 120, 0, 120), (W1, False, 30, 4, 146), (W3, False, 33, 2, 150)])
    reason = week_over_week(weeks, PAY, report_date=W3 + timedelta(days=7))
    assert isinstance(reason, str) and f"the week before {W3} was not crawled" in reason


def test_brief_markdown_escapes_text_from_the_data() -> None:
    assert md("<b>C++ *fast*</b>") == "&lt;b&gt;C++ \\*fast\\*&lt;/b&gt;"
    head = Headline(22, 3, W1, W2, 4, 205_000.0)
    frame = Frame(2, 5, 3, W0, W2, "run <1>")
    brief = brief_content(head, "nothing yet", [], [], frame, W3)
    text = brief_markdown(brief, card=False)
    assert "- 22 postings (canonical jobs) from 3 companies" in text
    assert "18% state pay (n=4); median annual pay $205,000 (n=4)" in text
    assert "nothing to compare (nothing yet)" in text
    assert "5 board(s) of 2 source(s), crawled on 3 day(s)" in text
    assert "run &lt;1&gt;" in text and "<1>" not in text
    assert "brief-card.png" not in text
