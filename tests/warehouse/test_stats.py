"""The skill pay premium's bootstrap: exact resampling law, fixed seed, minimum sample;
and its refresh step, which recomputes only when its inputs changed."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from promptjobs.settings import Settings
from warehouse import stats
from warehouse.stats import (
    MIN_SAMPLE,
    bootstrap_medians,
    complement_take,
    compute_skill_pay_premium,
    premium_table,
)


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


def test_the_jobs_without_a_skill_are_read_by_rank_without_a_mask() -> None:
    rng = np.random.default_rng(11)
    pay = np.sort(np.round(rng.lognormal(11.5, 0.3, 500), -4))  # many equal pays
    for size in (0, 1, 250, 499, 500):
        positions = np.sort(rng.choice(500, size, replace=False))
        mask = np.zeros(500, dtype=bool)
        mask[positions] = True
        others = complement_take(pay, positions)(np.arange(500 - size))
        assert np.array_equal(others, pay[~mask])


def test_a_skills_positions_given_twice_or_unsorted_count_once() -> None:
    pay = np.sort(np.linspace(90_000, 200_000, 80))
    positions = np.arange(40, 80)
    shuffled = np.concatenate([positions[::-1], positions[:5]])
    assert premium_table(pay, {"rag": shuffled}).equals(premium_table(pay, {"rag": positions}))


# The pay premium in a refresh: recomputed only when its inputs changed.
def paid_jobs(kit: SimpleNamespace, first: int, count: int, day: str) -> list[dict]:
    """Paid greenhouse jobs; a third ask for RAG, half for Python (the fake extractor
    reads the skills from the text), pay rising with the id."""
    jobs = []
    for i in range(first, first + count):
        words = ["prompt engineering"] + ["Python"] * (i % 2 == 0) + ["RAG"] * (i % 3 == 0)
        low = 120_000 + 1_500 * i + 20_000 * (i % 3 == 0)
        jobs.append(
            kit.item(
                "greenhouse",
                str(i),
                title=f"Prompt Engineer {i}",
                description_text=f"We need {', '.join(words)}.",
                compensation=kit.usd(low, low + 30_000),
                fetched_at=f"{day}T06:00:00Z",
            )
        )
    return jobs


def premium_rows(settings: Settings) -> list[tuple]:
    with settings.open_warehouse().reader() as con:
        return con.sql("select * from skill_pay_premium_stats order by skill_id").fetchall()


class PremiumSpy:
    """Counts the premium computations (premium_table calls)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.computed = 0
        compute = stats.premium_table

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.computed += 1
            return compute(*args, **kwargs)

        monkeypatch.setattr(stats, "premium_table", counted)


@pytest.mark.postgres_catalog
def test_the_pay_premium_after_new_and_changed_paid_jobs_is_a_full_recompute(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing.write("greenhouse", "2026-10-01", paid_jobs(kit, 0, 60, "2026-10-01"))
    kit.refresh(settings)
    day_one = premium_rows(settings)
    assert {row[0] for row in day_one} == {"python", "rag"}  # prompt_engineering: no "without"

    # Day two: ten new paid jobs, one pay edited, the rest seen again.
    day2 = paid_jobs(kit, 0, 70, "2026-10-02")
    day2[5]["compensation"] = kit.usd(400_000, 450_000)
    landing.write("greenhouse", "2026-10-02", day2)
    spy = PremiumSpy(monkeypatch)
    kit.refresh(settings)
    assert spy.computed == 1
    incremental = premium_rows(settings)
    assert incremental != day_one
    rag = next(row for row in incremental if row[0] == "rag")
    assert rag[2] + rag[3] == 70  # n_with + n_without: every paid job
    with settings.open_warehouse().writer() as con:
        assert compute_skill_pay_premium(con, full=True) == 2
    assert spy.computed == 2
    assert premium_rows(settings) == incremental


@pytest.mark.postgres_catalog
def test_a_refresh_that_changes_no_pay_input_does_no_pay_premium_work(
    settings: Settings, landing, kit: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing.write("greenhouse", "2026-10-01", paid_jobs(kit, 0, 60, "2026-10-01"))
    kit.refresh(settings)
    kept = premium_rows(settings)
    # Every job seen again a week later (only last_seen moves), then nothing new at all.
    landing.write("greenhouse", "2026-10-08", paid_jobs(kit, 0, 60, "2026-10-08"))
    spy = PremiumSpy(monkeypatch)
    first, second = kit.refresh(settings), kit.refresh(settings)
    assert spy.computed == 0
    assert first.pay_premium_skills == second.pay_premium_skills == 2
    assert premium_rows(settings) == kept
