"""Sampling uncertainty for the figures: Wilson intervals for shares, bootstrap intervals for
medians, and the rule that picks a period long enough for a series. Pure functions.

Why Wilson: a weekly share of 1 of 3 postings has a normal-approximation interval that
runs below zero; Wilson's stays inside [0, 1] and is honest at small n (Brown, Cai and
DasGupta 2001 recommend it for n < 40). Why a bootstrap for medians: pay is skewed and
lumpy (ranges on round numbers), so no formula for the median's spread fits it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

Z95 = 1.959963984540054  # two-sided 95%: the 97.5th percentile of the standard normal
# Weekly points only where a typical week (the median week of the series) holds this many.
MIN_WEEKLY_N = 30
ROLLING_WEEKS = 4
# A point resting on fewer postings than this is drawn hollow and left out of the line.
MIN_POINT_N = 10
BOOTSTRAP_REPLICATES = 2000


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of successes / n; (0, 1) when n is 0 (nothing known)."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    # At p = 0 or 1 the bound is exactly 0 or 1; rounding must not move it off.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def bootstrap_median(
    values: Sequence[float], replicates: int = BOOTSTRAP_REPLICATES, seed: int = 0
) -> tuple[float, float] | None:
    """Percentile bootstrap 95% interval of the median; None for an empty sample.

    Seeded, so the same data always draws the same interval (the report is reproducible).
    """
    sample = np.asarray(values, dtype=float)
    if sample.size == 0:
        return None
    rng = np.random.default_rng(seed)
    draws = rng.choice(sample, size=(replicates, sample.size), replace=True)
    medians = np.median(draws, axis=1)
    low, high = np.quantile(medians, [0.025, 0.975])
    return (float(low), float(high))


@dataclass(frozen=True)
class Period:
    """How a series is binned: "week" (one point per week) or "4-week rolling"."""

    kind: str
    typical_weekly_n: float

    @property
    def weeks(self) -> int:
        return 1 if self.kind == "week" else ROLLING_WEEKS

    def subtitle(self) -> str:
        if self.kind == "week":
            return f"weekly (a typical week holds {self.typical_weekly_n:g} postings)"
        return (
            f"{ROLLING_WEEKS}-week rolling window (a typical week holds only "
            f"{self.typical_weekly_n:g} postings, under the {MIN_WEEKLY_N} weekly points need)"
        )


def choose_period(weekly_n: Sequence[int], min_weekly_n: int = MIN_WEEKLY_N) -> Period:
    """Weekly where the median week of the series holds at least `min_weekly_n` postings,
    else a 4-week rolling window. Weeks without postings count as 0."""
    typical = float(np.median(weekly_n)) if len(weekly_n) else 0.0
    return Period("week" if typical >= min_weekly_n else "4-week rolling", typical)


def week_grid(weeks: Sequence[date]) -> list[date]:
    """Every Monday from the first to the last of `weeks` (gaps filled)."""
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    return [first + timedelta(weeks=k) for k in range((last - first).days // 7 + 1)]


def rolling_sums(values: Sequence[float], window: int) -> list[float]:
    """The sum over each full window of `window` consecutive values, one per window end
    (len(values) - window + 1 of them). A series shorter than the window is one window."""
    if len(values) < window:
        return [float(sum(values))] if values else []
    return [float(sum(values[i - window + 1 : i + 1])) for i in range(window - 1, len(values))]
