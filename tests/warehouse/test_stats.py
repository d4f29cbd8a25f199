"""The skill pay premium's bootstrap: exact resampling law, fixed seed, minimum sample."""

from __future__ import annotations

import numpy as np

from warehouse.stats import MIN_SAMPLE, bootstrap_medians, premium_table


def test_drawn_medians_follow_the_brute_force_bootstrap() -> None:
    rng = np.random.default_rng(7)
    for n in (41, 60):
        sample = np.sort(rng.lognormal(12, 0.4, n))
        drawn = bootstrap_medians(sample, np.random.default_rng(1), 20000)
        resampled = np.median(rng.choice(sample, size=(20000, n), replace=True), axis=1)
        for q in (0.025, 0.25, 0.5, 0.75, 0.975):
            assert abs(np.quantile(drawn, q) - np.quantile(resampled, q)) < 0.02 * np.median(sample)


def test_premiums_need_the_minimum_sample_on_each_side_and_are_reproducible() -> None:
    pay = np.sort(np.concatenate([np.full(30, 100_000.0), np.full(30, 150_000.0)]))
    skills = {
        "rag": np.arange(30, 60),  # every 150k job
        "rare": np.arange(0, MIN_SAMPLE - 1),  # one short of the minimum
    }
    first = premium_table(pay, skills)
    assert first["skill_id"].to_list() == ["rag"]
    row = first.row(0, named=True)
    assert (row["n_with"], row["n_without"]) == (30, 30)
    assert row["uplift"] == 50_000.0
    assert row["ci_low"] <= row["uplift"] <= row["ci_high"]
    assert premium_table(pay, skills).equals(first)
