"""The skill pay premium: median pay with vs without a skill, with a bootstrap interval.

Deterministic resampling scheme (no per-replicate resampling of the data):
for a sorted sample x_1 <= ... <= x_n, the k-th smallest value of a bootstrap resample
is x[floor(n * U_(k))], where U_(k) is the k-th order statistic of n uniforms, which
follows Beta(k, n - k + 1). So each replicate's median is drawn exactly from that Beta
law (for an even n, the (k+1)-th statistic follows as U_(k) + (1 - U_(k)) * Beta(1, n - k)
and the median is the mean of the two). BOOTSTRAP_REPLICATES replicates per side, with a
seed fixed per skill (crc32 of its id), give the uplift distribution; the 95% interval is
its 2.5th and 97.5th percentiles. Identical data always gives identical figures.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from warehouse.sqlfiles import SQL_DIR, sql_text

MIN_SAMPLE = 20  # paid canonical jobs required on EACH side (with and without the skill)
BOOTSTRAP_REPLICATES = 2000
CONFIDENCE = 0.95
STEP = "pay premium"  # its row in step_fingerprints


def bootstrap_medians(
    sorted_values: np.ndarray, rng: np.random.Generator, replicates: int
) -> np.ndarray:
    """`replicates` bootstrap medians of a sorted sample, drawn exactly (see module doc)."""
    return _bootstrap_medians(len(sorted_values), sorted_values.__getitem__, rng, replicates)


def _bootstrap_medians(
    n: int, take: Callable[[np.ndarray], np.ndarray], rng: np.random.Generator, replicates: int
) -> np.ndarray:
    """bootstrap_medians of a sorted sample of `n` values read by rank (`take(ranks)`)."""
    k = (n + 1) // 2
    u_k = rng.beta(k, n - k + 1, replicates)
    lower = take(np.minimum((n * u_k).astype(np.int64), n - 1))
    if n % 2:
        return lower
    u_next = u_k + (1.0 - u_k) * rng.beta(1, n - k, replicates)
    upper = take(np.minimum((n * u_next).astype(np.int64), n - 1))
    return (lower + upper) / 2.0


def sorted_median(sorted_values: np.ndarray) -> float:
    """np.median of a sorted sample, read off instead of re-partitioning it (same value:
    the middle element, or the mean of the middle two; nan if the sample holds a nan)."""
    return _sorted_median(len(sorted_values), sorted_values.__getitem__)


def _sorted_median(n: int, take: Callable[[np.ndarray], np.ndarray]) -> float:
    """sorted_median of a sorted sample of `n` values read by rank (`take(ranks)`)."""
    if n == 0:
        return float("nan")
    mid = n // 2
    last, low, high = take(np.array([n - 1, mid - (n % 2 == 0), mid]))
    if np.isnan(last):
        return float("nan")
    return float(high) if n % 2 else float((low + high) / 2.0)


def distinct_sorted(positions: np.ndarray) -> np.ndarray:
    """The positions sorted, each once (as a mask of them would read them); those of
    sorted_positions already are, and are taken as they are (np.unique hashes first)."""
    if len(positions) < 2 or bool(np.all(positions[1:] > positions[:-1])):
        return positions
    return np.unique(positions)


def complement_take(
    pay_sorted: np.ndarray, positions: np.ndarray
) -> Callable[[np.ndarray], np.ndarray]:
    """For the sorted, distinct `positions` of some of the values of the sorted sample
    `pay_sorted`: the other values, read by their rank among themselves. The r-th other
    value comes after r others and after every position with at most r others before it
    (`positions - arange`), so the jobs without a skill are read with no mask over every
    paid job for each skill (the masks were most of the step at a million postings)."""
    others_before = positions - np.arange(len(positions))
    return lambda ranks: pay_sorted[ranks + np.searchsorted(others_before, ranks, side="right")]


def sorted_positions(pay_sorted: np.ndarray, subset_sorted: np.ndarray) -> np.ndarray:
    """Positions in `pay_sorted` of the values of `subset_sorted`, a sorted sub-multiset of
    it: the i-th copy of a value takes the i-th position holding that value. Which of
    several equal pays a job takes changes no figure: premium_table only uses the values."""
    first = np.searchsorted(pay_sorted, subset_sorted, side="left")
    index = np.arange(len(first))
    run_start = np.diff(first, prepend=-1) != 0  # equal values share their first position
    return first + index - np.maximum.accumulate(np.where(run_start, index, 0))


def premium_table(pay_sorted: np.ndarray, skill_rows: dict[str, np.ndarray]) -> pl.DataFrame:
    """One row per skill with >= MIN_SAMPLE paid jobs on each side.

    `skill_rows[skill]` holds the positions (into `pay_sorted`) of the jobs with the skill.
    """
    n = len(pay_sorted)
    tail = (1.0 - CONFIDENCE) / 2.0
    rows = []
    for skill_id in sorted(skill_rows):
        positions = distinct_sorted(skill_rows[skill_id])
        with_pay = pay_sorted[positions]
        n_without = n - len(positions)
        if len(with_pay) < MIN_SAMPLE or n_without < MIN_SAMPLE:
            continue
        take_without = complement_take(pay_sorted, positions)
        rng = np.random.default_rng(zlib.crc32(skill_id.encode("utf-8")))
        uplifts = bootstrap_medians(with_pay, rng, BOOTSTRAP_REPLICATES) - _bootstrap_medians(
            n_without, take_without, rng, BOOTSTRAP_REPLICATES
        )
        median_with = sorted_median(with_pay)
        median_without = _sorted_median(n_without, take_without)
        rows.append(
            {
                "skill_id": skill_id,
                "n_with": len(with_pay),
                "n_without": n_without,
                "median_with": median_with,
                "median_without": median_without,
                "uplift": median_with - median_without,
                "ci_low": float(np.quantile(uplifts, tail)),
                "ci_high": float(np.quantile(uplifts, 1.0 - tail)),
            }
        )
    schema = {
        "skill_id": pl.String,
        "n_with": pl.Int64,
        "n_without": pl.Int64,
        "median_with": pl.Float64,
        "median_without": pl.Float64,
        "uplift": pl.Float64,
        "ci_low": pl.Float64,
        "ci_high": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema)


def inputs_fingerprint(
    con: duckdb.DuckDBPyConnection, pay_sorted: np.ndarray, pays: dict[str, np.ndarray]
) -> str:
    """What the table is computed from: the sorted pay of all paid jobs and of each
    skill's (the very arrays premium_table reads), the skill names the table carries,
    this module, its SQL and numpy's version (the Beta draws)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(SQL_DIR.glob("pay_premium_*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(np.__version__.encode())
    digest.update(repr(con.sql(sql_text("pay_premium_skill_names")).fetchall()).encode())
    digest.update(pay_sorted.tobytes())
    for skill_id in sorted(pays):
        digest.update(f"\0{skill_id}\0{len(pays[skill_id])}".encode())
        digest.update(pays[skill_id].tobytes())
    return digest.hexdigest()


def compute_skill_pay_premium(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> int:
    """Bring `skill_pay_premium_stats` up to date with the views; return the number of
    skills. When its inputs' fingerprint is the one it was last computed from, the kept
    table is that computation's result already and is kept (`full`: always recompute)."""
    # The pay of every paid job (skill_id null) and of the jobs with each skill: sorted,
    # a skill's jobs are located in the sorted pay of all jobs by value, no join needed.
    inputs = con.sql(sql_text("pay_premium_inputs")).pl()
    pays = {
        skill_id: np.sort(values.to_numpy().astype(np.float64))
        for skill_id, values in zip(inputs["skill_id"], inputs["pays"], strict=True)
        if values is not None
    }
    pay_sorted = pays.pop(None, np.empty(0, dtype=np.float64))
    skill_pays = {str(skill_id): values for skill_id, values in pays.items()}
    fingerprint = inputs_fingerprint(con, pay_sorted, skill_pays)
    if not full and con.execute(sql_text("step_fingerprint"), [STEP]).fetchall() == [
        (fingerprint,)
    ]:
        return con.sql(sql_text("pay_premium_count")).fetchall()[0][0]
    skill_rows = {
        skill_id: sorted_positions(pay_sorted, values) for skill_id, values in skill_pays.items()
    }
    table = premium_table(pay_sorted, skill_rows)
    con.register("pay_premium_batch", table.to_arrow())
    try:
        con.execute(sql_text("pay_premium_replace"))
    finally:
        con.unregister("pay_premium_batch")
    con.execute(sql_text("step_fingerprint_forget"), [STEP])
    con.execute(sql_text("step_fingerprint_insert"), [STEP, fingerprint])
    return table.height
