"""Interval maths against brute force, and the period rule on hand-made series."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from dashboards.intervals import (
    MIN_WEEKLY_N,
    ROLLING_WEEKS,
    Z95,
    bootstrap_median,
    choose_period,
    rolling_sums,
    wilson,
)


def score_test_interval(k: int, n: int, steps: int = 200_000) -> tuple[float, float]:
    """Brute force: every p on a fine grid that the two-sided score test does not reject."""
    p = np.linspace(0, 1, steps + 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.abs(k / n - p) / np.sqrt(p * (1 - p) / n)
    kept = p[(z <= Z95) | ((p == 0) & (k == 0)) | ((p == 1) & (k == n))]
    return float(kept.min()), float(kept.max())


@pytest.mark.parametrize(("k", "n"), [(0, 5), (1, 3), (2, 3), (5, 5), (7, 31), (120, 400)])
def test_wilson_is_the_score_test_inverted(k: int, n: int) -> None:
    low, high = wilson(k, n)
    brute_low, brute_high = score_test_interval(k, n)
    assert low == pytest.approx(brute_low, abs=2e-5)
    assert high == pytest.approx(brute_high, abs=2e-5)
    assert 0 <= low <= k / n <= high <= 1


def test_wilson_of_nothing_is_everything() -> None:
    assert wilson(0, 0) == (0.0, 1.0)


def test_wilson_narrows_as_the_sample_grows() -> None:
    widths = [wilson(n // 3, n)[1] - wilson(n // 3, n)[0] for n in (3, 30, 300)]
    assert widths[0] > widths[1] > widths[2]
    # about 1.96 * sqrt(p(1-p)/n) at large n
    assert widths[2] / 2 == pytest.approx(Z95 * math.sqrt((1 / 3) * (2 / 3) / 300), rel=0.05)


def test_bootstrap_median_matches_the_exact_bootstrap_distribution() -> None:
    sample = [90_000.0, 120_000.0, 150_000.0, 160_000.0, 200_000.0, 240_000.0, 410_000.0]
    # Brute force: all 7^7 resamples, equally likely; their medians' 2.5th and 97.5th pct.
    draws = np.array(list(itertools.product(sample, repeat=len(sample))))
    exact = np.quantile(np.median(draws, axis=1), [0.025, 0.975])
    low, high = bootstrap_median(sample, replicates=20_000, seed=3)
    assert (low, high) == (exact[0], exact[1])


def test_bootstrap_median_is_reproducible_and_handles_edges() -> None:
    values = [float(v) for v in range(100_000, 200_000, 3_000)]
    assert bootstrap_median(values) == bootstrap_median(values)
    assert bootstrap_median([]) is None
    assert bootstrap_median([150_000.0]) == (150_000.0, 150_000.0)


def test_a_thin_series_goes_to_a_rolling_window() -> None:
    # most weeks hold one to three paid postings: weekly points would be noise
    thin = [1, 3, 2, 0, 2, 5, 1, 2]
    period = choose_period(thin)
    assert period.kind == "4-week rolling" and period.weeks == ROLLING_WEEKS
    assert "4-week rolling window" in period.subtitle() and "2 postings" in period.subtitle()


def test_a_thick_series_stays_weekly() -> None:
    thick = [45, 52, 38, 61, 12, 40]  # one thin week does not make the series thin
    period = choose_period(thick)
    assert period.kind == "week" and period.weeks == 1
    assert period.subtitle().startswith("weekly")


def test_the_weekly_rule_is_at_the_minimum() -> None:
    assert choose_period([MIN_WEEKLY_N] * 3).kind == "week"
    assert choose_period([MIN_WEEKLY_N - 1] * 3).kind == "4-week rolling"
    assert choose_period([]).kind == "4-week rolling"


def test_rolling_sums_cover_full_windows_only() -> None:
    assert rolling_sums([1, 2, 3, 4, 5, 6], 4) == [10, 14, 18]
    assert rolling_sums([1, 2], 4) == [3]
    assert rolling_sums([], 4) == []
