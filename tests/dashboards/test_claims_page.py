"""The claims views (warehouse/views/900_claims_*.sql) and the verdicts computed from them,
on small hand-made warehouses."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from report_fixtures import open_reader, posting, write_facts_warehouse

from dashboards.claims_page import compute_verdicts
from dashboards.data import CLAIMS_VIEWS, load_views

FIVE = ["ai_ml", "programming", "linguistics_language", "psychology_human_factors", "art_creative"]


def verdicts_of(path: Path) -> dict[tuple[str, str], str]:
    con = open_reader(path)
    try:
        views = load_views(con, CLAIMS_VIEWS)
    finally:
        con.close()
    return {(v.claim, v.role): v.label for v in compute_verdicts(views)}


def views_of(path: Path) -> dict[str, pl.DataFrame]:
    con = open_reader(path)
    try:
        return load_views(con, CLAIMS_VIEWS)
    finally:
        con.close()


def test_band_position_of_each_range(tmp_path: Path) -> None:
    rows = [
        posting(1, salary_min_annual_usd=180_000, salary_max_annual_usd=250_000),  # inside
        posting(2, salary_min_annual_usd=150_000, salary_max_annual_usd=200_000),  # overlaps
        posting(3, salary_min_annual_usd=120_000, salary_max_annual_usd=175_000),  # touches
        posting(4, salary_min_annual_usd=100_000, salary_max_annual_usd=150_000),  # below
        posting(5, salary_min_annual_usd=310_000, salary_max_annual_usd=400_000),  # above
        posting(6, salary_max_annual_usd=300_000),  # "up to $300k": one side, inside
        posting(7, salary_min_annual_usd=200_000, country="GB", us_state=None),  # not US
        posting(8),  # no pay: not counted
    ]
    views = views_of(write_facts_warehouse(tmp_path / "w.duckdb", rows))
    pay = views["claims_pay"].filter(pl.col("seniority") == "all")
    us = pay.filter(pl.col("scope") == "US").row(0, named=True)
    assert (us["n_with_pay"], us["n_overlap"], us["n_inside"], us["n_above"], us["n_below"]) == (
        6,
        4,
        2,
        1,
        1,
    )
    everywhere = pay.filter(pl.col("scope") == "all").row(0, named=True)
    assert everywhere["n_with_pay"] == 7 and everywhere["n_inside"] == 3


def test_pay_verdicts_from_postings(tmp_path: Path) -> None:
    rich = [
        posting(i, salary_min_annual_usd=190_000, salary_max_annual_usd=260_000) for i in range(30)
    ]
    poor = [
        posting(
            100 + i, role="adjacent", salary_min_annual_usd=90_000, salary_max_annual_usd=140_000
        )
        for i in range(40)
    ]
    verdicts = verdicts_of(write_facts_warehouse(tmp_path / "w.duckdb", rich + poor))
    assert verdicts[("pay", "core")] == "supported"
    assert verdicts[("pay", "adjacent")] == "not supported"


def test_one_posting_short_of_the_minimum_is_not_enough_data(tmp_path: Path) -> None:
    rows = [
        posting(i, salary_min_annual_usd=190_000, salary_max_annual_usd=260_000) for i in range(29)
    ]
    verdicts = verdicts_of(write_facts_warehouse(tmp_path / "w.duckdb", rows))
    assert {label for (claim, role), label in verdicts.items() if role == "core"} == {
        "not enough data"
    }
    assert verdicts[("pay", "adjacent")] == "not enough data"  # no adjacent postings at all


def test_hybrid_profile_counts_the_named_families_per_posting(tmp_path: Path) -> None:
    rows = [posting(i) for i in range(40)]
    families = {f"greenhouse:{i}": FIVE[:4] + ["domain"] for i in range(20)}  # 4 named
    families |= {f"greenhouse:{i}": ["ai_ml", "domain"] for i in range(20, 40)}  # 1 named
    path = write_facts_warehouse(tmp_path / "w.duckdb", rows, families)
    combos = views_of(path)["claims_family_combos"]
    assert dict(combos.select("combo", "postings").iter_rows()) == {
        "ai_ml+linguistics_language+programming+psychology_human_factors": 20,
        "ai_ml": 20,
    }
    assert verdicts_of(path)[("hybrid profile", "core")] == "supported"  # 50% ask for 4+


def test_postings_without_families_count_as_none(tmp_path: Path) -> None:
    rows = [posting(i) for i in range(40)]
    path = write_facts_warehouse(tmp_path / "w.duckdb", rows, {"greenhouse:1": FIVE})
    combos = views_of(path)["claims_family_combos"]
    assert dict(combos.select("combo", "postings").iter_rows())["none"] == 39
    assert verdicts_of(path)[("hybrid profile", "core")] == "not supported"


def test_experience_uses_minimum_years_then_maximum(tmp_path: Path) -> None:
    rows = [posting(i, years_min=2, years_max=4) for i in range(10)]
    rows += [posting(100 + i, years_max=3) for i in range(5)]  # "up to 3 years"
    rows += [posting(200 + i, years_min=7) for i in range(20)]
    rows += [posting(300 + i, years_min=15) for i in range(5)]  # 10 stands for 10+
    rows += [posting(400 + i) for i in range(9)]  # no years stated
    path = write_facts_warehouse(tmp_path / "w.duckdb", rows)
    experience = views_of(path)["claims_experience"]
    counts = dict(experience.select("years", "postings").iter_rows())
    assert counts == {2: 10, 3: 5, 7: 20, 10: 5, None: 9}
    # 15 of 40 stating years ask for 3 or fewer: 37.5% -> partly
    assert verdicts_of(path)[("experience", "core")] == "partly"


def test_a_repost_is_the_same_company_and_title_after_a_close(tmp_path: Path) -> None:
    first = posting(
        1,
        company="Acme",
        title="Prompt Engineer",
        first_seen="2026-09-01 06:00:00",
        closed_at="2026-09-20 06:00:00",
        days_open=19.0,
    )
    again = posting(2, company="ACME ", title="prompt  engineer!", first_seen="2026-10-01 06:00:00")
    other_title = posting(3, company="Acme", title="AI Trainer", first_seen="2026-10-01 06:00:00")
    before_close = posting(
        4, company="Acme", title="Prompt Engineer", first_seen="2026-09-10 06:00:00"
    )
    path = write_facts_warehouse(tmp_path / "w.duckdb", [first, again, other_title, before_close])
    hiring = views_of(path)["claims_hiring"].row(0, named=True)
    assert hiring["n_postings"] == 4 and hiring["n_reposted"] == 1
    assert hiring["n_closed"] == 1 and hiring["median_days_open"] == 19.0


def test_hiring_difficulty_against_other_roles(tmp_path: Path) -> None:
    def closed(n: int, role: str, days: float) -> dict[str, object]:
        return posting(
            n,
            role=role,
            title=f"Job {n}",
            company=f"Company {n}",
            closed_at="2026-11-01 06:00:00",
            days_open=days,
        )

    rows = [closed(i, "core", 40) for i in range(30)] + [
        closed(100 + i, "other", 20) for i in range(30)
    ]
    rows += [closed(200 + i, "adjacent", 21) for i in range(30)]
    verdicts = verdicts_of(write_facts_warehouse(tmp_path / "w.duckdb", rows))
    assert verdicts[("hiring difficulty", "core")] == "partly"  # x2.0 slower, no reposts
    assert verdicts[("hiring difficulty", "adjacent")] == "not supported"  # x1.05


def test_title_groups_and_the_prompt_title_verdict(tmp_path: Path) -> None:
    titles = (
        ["Prompt Engineer"] * 8
        + ["Senior Prompt Designer"] * 4
        + ["AI Engineer, LLM"] * 10
        + ["AI Trainer (Freelance)"] * 8
        + ["LLM Evaluation Specialist"] * 6
        + ["Conversation Designer"] * 4
    )
    rows = [posting(i, title=title) for i, title in enumerate(titles)]
    path = write_facts_warehouse(tmp_path / "w.duckdb", rows)
    groups = dict(views_of(path)["claims_titles"].select("title_group", "postings").iter_rows())
    assert groups == {
        "prompt title": 12,
        "AI / LLM / ML engineer": 10,
        "AI trainer / annotation": 8,
        "evaluation / red teaming": 6,
        "conversation / content / writing": 4,
    }
    assert verdicts_of(path)[("prompt titles", "core")] == "partly"  # 12 of 40 = 30%


def test_slow_and_reposted_hiring_is_supported(tmp_path: Path) -> None:
    rows = []
    for i in range(15):  # each company posts the same job twice: the second is a repost
        for k, (seen, closed) in enumerate(
            (("2026-09-01", "2026-10-11"), ("2026-10-15", "2026-11-24"))
        ):
            rows.append(
                posting(
                    100 * i + k,
                    company=f"Studio {i}",
                    first_seen=f"{seen} 06:00:00",
                    closed_at=f"{closed} 06:00:00",
                    days_open=40.0,
                )
            )
    rows += [
        posting(
            5000 + i,
            role="other",
            title=f"Analyst {i}",
            closed_at="2026-10-25 06:00:00",
            days_open=20.0,
        )
        for i in range(30)
    ]
    path = write_facts_warehouse(tmp_path / "w.duckdb", rows)
    hiring = views_of(path)["claims_hiring"].filter(pl.col("role") == "core").row(0, named=True)
    assert (hiring["n_postings"], hiring["n_reposted"], hiring["median_days_open"]) == (30, 15, 40)
    assert verdicts_of(path)[("hiring difficulty", "core")] == "supported"
