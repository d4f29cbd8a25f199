"""The claim verdicts: every label reachable, thresholds honoured, too-small samples refused."""

from __future__ import annotations

from dashboards.claims import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    experience_verdict,
    hiring_verdict,
    pay_verdict,
    profile_verdict,
    rules,
    titles_verdict,
)

MIN = DEFAULT_THRESHOLDS.min_sample


def test_pay_verdict_follows_the_share_overlapping_the_band() -> None:
    assert pay_verdict("core", 100, 50, 30, 190_000).label == "supported"  # exactly 50%
    assert pay_verdict("core", 100, 49, 30, 190_000).label == "partly"
    assert pay_verdict("core", 100, 25, 10, 150_000).label == "partly"  # exactly 25%
    assert pay_verdict("core", 100, 24, 10, 150_000).label == "not supported"


def test_pay_supported_also_needs_the_median_inside_the_band() -> None:
    assert pay_verdict("core", 100, 80, 30, 175_000).label == "supported"
    assert pay_verdict("core", 100, 80, 30, 174_999).label == "partly"
    assert pay_verdict("core", 100, 80, 30, 300_001).label == "partly"


def test_pay_verdict_line_carries_the_numbers() -> None:
    verdict = pay_verdict("adjacent", 80, 60, 20, 212_500)
    assert verdict.line == (
        "75% of 80 US postings with pay overlap $175k-$300k (25% lie inside it); median $212k"
    )
    assert verdict.n == 80 and verdict.role == "adjacent" and verdict.claim == "pay"


def test_every_claim_refuses_a_sample_below_the_minimum() -> None:
    few = MIN - 1
    verdicts = [
        pay_verdict("core", few, few, few, 200_000),
        profile_verdict("core", few, few, few, few),
        experience_verdict("core", few, few, 2),
        hiring_verdict("core", few, 10, 100, 5, few, few, crawls=8, crawl_days=49),
        titles_verdict("core", few, few),
    ]
    assert {v.label for v in verdicts} == {"not enough data"}
    assert all(v.population for v in verdicts)
    assert all(f"(minimum {MIN})" in v.line for v in verdicts)
    assert pay_verdict("core", MIN, MIN, MIN, 200_000).label == "supported"


def test_profile_verdict_needs_four_families_for_supported_and_three_for_partly() -> None:
    assert profile_verdict("core", 100, 50, 60, 5).label == "supported"
    assert profile_verdict("core", 100, 49, 25, 5).label == "partly"
    assert profile_verdict("core", 100, 10, 24, 1).label == "not supported"


def test_experience_verdict_counts_three_years_or_fewer() -> None:
    assert experience_verdict("core", 40, 20, 3).label == "supported"
    assert experience_verdict("core", 40, 10, 5).label == "partly"
    assert experience_verdict("core", 40, 9, 6).label == "not supported"
    assert "median 3 years" in experience_verdict("core", 40, 20, 3).line


HISTORY = {"crawls": 8, "crawl_days": 49}  # eight weekly crawls


def test_hiring_verdict_combines_slower_hiring_and_reposting() -> None:
    # 40 days vs 20 for other roles (x2.0) and 20% reposts: both signals.
    assert hiring_verdict("core", 50, 40, 50, 20, 100, 20, **HISTORY).label == "supported"
    # slower, few reposts: one signal.
    assert hiring_verdict("core", 50, 40, 50, 20, 100, 2, **HISTORY).label == "partly"
    # as fast as other roles (x1.0), few reposts: none.
    assert hiring_verdict("core", 50, 20, 50, 20, 100, 2, **HISTORY).label == "not supported"
    # exactly x1.25 counts as slower.
    assert hiring_verdict("core", 50, 25, 50, 20, 100, 2, **HISTORY).label == "partly"


def test_hiring_verdict_needs_closed_postings_on_both_sides() -> None:
    closed = DEFAULT_THRESHOLDS.hiring_min_closed
    no_baseline = hiring_verdict("core", 50, 40, closed - 1, 20, 100, 30, **HISTORY)
    assert no_baseline.label == "not enough data"
    assert f"50 closed postings of the role and {closed - 1} of other roles" in no_baseline.line
    assert f"needs {closed} on each side" in no_baseline.line
    mine_short = hiring_verdict("core", closed - 1, 40, 50, 20, 100, 30, **HISTORY)
    assert mine_short.label == "not enough data"
    assert hiring_verdict("core", closed, 40, closed, 20, 100, 30, **HISTORY).label == "supported"


def test_hiring_verdict_needs_crawl_history_to_see_reposts() -> None:
    t = DEFAULT_THRESHOLDS
    one_snapshot = hiring_verdict("core", 50, 40, 50, 20, 100, 30, crawls=1, crawl_days=0)
    assert one_snapshot.label == "not enough data"
    assert "crawl history of 1 crawl(s) over 0 days" in one_snapshot.line
    short = hiring_verdict(
        "core", 50, 40, 50, 20, 100, 30, crawls=t.hiring_min_crawls, crawl_days=27
    )
    assert short.label == "not enough data"
    enough = hiring_verdict(
        "core",
        50,
        40,
        50,
        20,
        100,
        30,
        crawls=t.hiring_min_crawls,
        crawl_days=t.hiring_min_crawl_days,
    )
    assert enough.label == "supported"


def test_titles_verdict_counts_prompt_titles() -> None:
    assert titles_verdict("core", 100, 50).label == "supported"
    assert titles_verdict("core", 100, 20).label == "partly"
    assert titles_verdict("core", 100, 19).label == "not supported"


def test_thresholds_can_be_tightened_and_the_rules_say_so() -> None:
    strict = Thresholds(min_sample=200, pay_supported_share=0.9)
    assert pay_verdict("core", 150, 140, 100, 200_000, strict).label == "not enough data"
    assert pay_verdict("core", 300, 240, 100, 200_000, strict).label == "partly"
    text = rules(strict)
    assert "Below 200 postings" in text["pay"] and "90%" in text["pay"]
    assert set(text) == {
        "pay",
        "hybrid profile",
        "experience",
        "hiring difficulty",
        "prompt titles",
    }
