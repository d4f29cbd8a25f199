"""The claims views (warehouse/views/900_claims_*.sql) and the verdicts computed from them,
on small warehouses built by the real refresh from jobs written for each case."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from report_fixtures import CRAWLS, job, open_reader, write_jobs_warehouse

from dashboards.claims_page import compute_verdicts
from dashboards.data import CLAIMS_VIEWS, load_views

FOUR_FAMILIES = (
    "Strong Python skills.",
    "Background in linguistics.",
    "Knowledge of cognitive psychology.",
)


def views_of(path: Path) -> dict[str, pl.DataFrame]:
    con = open_reader(path)
    try:
        return load_views(con, CLAIMS_VIEWS)
    finally:
        con.close()


def verdicts_of(path: Path) -> dict[tuple[str, str], str]:
    return {(v.claim, v.role): v.label for v in compute_verdicts(views_of(path))}


def test_band_position_of_each_range(tmp_path: Path) -> None:
    jobs = [
        job(1, pay=(180_000, 250_000)),  # inside
        job(2, pay=(150_000, 200_000)),  # overlaps
        job(3, pay=(120_000, 175_000)),  # touches
        job(4, pay=(100_000, 150_000)),  # below
        job(5, pay=(310_000, 400_000)),  # above
        job(6, pay=(None, 300_000)),  # "up to $300k": one side, inside
        job(7, pay=(200_000, None), location="London, United Kingdom"),  # not US
        job(8),  # no pay: not counted
    ]
    views = views_of(write_jobs_warehouse(tmp_path / "home", jobs))
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
    rich = [job(i, pay=(190_000, 260_000)) for i in range(30)]
    poor = [job(100 + i, "adjacent", pay=(90_000, 140_000)) for i in range(40)]
    verdicts = verdicts_of(write_jobs_warehouse(tmp_path / "home", rich + poor))
    assert verdicts[("pay", "core")] == "supported"
    assert verdicts[("pay", "adjacent")] == "not supported"


def test_one_posting_short_of_the_minimum_is_not_enough_data(tmp_path: Path) -> None:
    jobs = [job(i, pay=(190_000, 260_000)) for i in range(29)]
    verdicts = verdicts_of(write_jobs_warehouse(tmp_path / "home", jobs))
    assert {label for (claim, role), label in verdicts.items() if role == "core"} == {
        "not enough data"
    }
    assert verdicts[("pay", "adjacent")] == "not enough data"  # no adjacent postings at all


def test_hybrid_profile_counts_the_named_families_per_posting(tmp_path: Path) -> None:
    # the duties name LLM work (AI / ML); the lines add programming, language, psychology
    jobs = [job(i, lines=FOUR_FAMILIES) for i in range(20)]
    jobs += [job(20 + i) for i in range(20)]  # AI / ML only
    path = write_jobs_warehouse(tmp_path / "home", jobs)
    combos = dict(views_of(path)["claims_family_combos"].select("combo", "postings").iter_rows())
    assert combos == {
        "ai_ml+linguistics_language+programming+psychology_human_factors": 20,
        "ai_ml": 20,
    }
    assert verdicts_of(path)[("hybrid profile", "core")] == "supported"  # 50% ask for 4+


def test_experience_uses_the_stated_minimum(tmp_path: Path) -> None:
    jobs = [job(i, lines=("2-4 years of experience.",)) for i in range(10)]
    jobs += [job(100 + i, lines=("3+ years of experience.",)) for i in range(5)]
    jobs += [job(200 + i, lines=("7+ years of experience.",)) for i in range(20)]
    jobs += [job(300 + i, lines=("15+ years of experience.",)) for i in range(5)]  # 10 = 10+
    jobs += [job(400 + i) for i in range(9)]  # no years stated
    path = write_jobs_warehouse(tmp_path / "home", jobs)
    experience = views_of(path)["claims_experience"].filter(pl.col("role") == "core")
    counts = dict(experience.select("years", "postings").iter_rows())
    assert counts == {2: 10, 3: 5, 7: 20, 10: 5, None: 9}
    # 15 of 40 stating years ask for 3 or fewer: 37.5% -> partly
    assert verdicts_of(path)[("experience", "core")] == "partly"


def test_a_repost_is_the_same_company_and_title_after_a_close(tmp_path: Path) -> None:
    first = job(1, company="Acme", seen=range(0, 3))  # closed by the crawl of CRAWLS[3]
    again = job(2, company="ACME ", title="prompt  engineer!", seen=range(5, 8))
    other_title = job(3, company="Acme", title="AI Trainer", seen=range(5, 8))
    before_close = job(4, company="Acme", seen=range(1, 8))
    path = write_jobs_warehouse(tmp_path / "home", [first, again, other_title, before_close])
    hiring = views_of(path)["claims_hiring"].filter(pl.col("role") == "core").row(0, named=True)
    assert hiring["n_reposted"] == 1
    assert hiring["n_closed"] == 1
    # first seen on the first crawl, closed by the fourth: 21 days
    assert hiring["median_days_open"] == (CRAWLS[3] - CRAWLS[0]).days


def test_title_groups_and_the_prompt_title_claim_on_all_llm_work(tmp_path: Path) -> None:
    titles = (
        ["Prompt Engineer"] * 8
        + ["Senior Prompt Designer"] * 4
        + ["AI Engineer, LLM"] * 10
        + ["AI Trainer (Freelance)"] * 8
        + ["LLM Evaluation Specialist"] * 6
        + ["Conversation Designer"] * 4
    )
    jobs = [job(i, title=title) for i, title in enumerate(titles)]
    path = write_jobs_warehouse(tmp_path / "home", jobs)
    titles_view = views_of(path)["claims_titles"]
    groups = titles_view.group_by("title_group").agg(pl.col("postings").sum())
    assert dict(groups.iter_rows()) == {
        "prompt title": 12,
        "AI / LLM / ML engineer": 10,
        "AI trainer / annotation": 8,
        "evaluation / red teaming": 6,
        "conversation / content / writing": 4,
    }
    # the claim is tested on all LLM-related postings (core + adjacent): 12 of 40 = 30%
    assert verdicts_of(path)[("prompt titles", "all LLM work")] == "partly"


def closed_jobs(start: int, role: str, weeks_open: int, n: int = 30) -> list:
    """n jobs of a role, first seen on the first crawl, closed `weeks_open` crawls later;
    each with its own company and title, so none is a repost."""
    return [
        job(start + i, role, company=f"Firm {start + i}", seen=range(0, weeks_open))
        for i in range(n)
    ]


def test_hiring_difficulty_against_other_roles(tmp_path: Path) -> None:
    jobs = closed_jobs(0, "core", 6) + closed_jobs(100, "other", 3)
    jobs += closed_jobs(200, "adjacent", 3)
    verdicts = verdicts_of(write_jobs_warehouse(tmp_path / "home", jobs))
    assert verdicts[("hiring difficulty", "core")] == "partly"  # x2.0 slower, no reposts
    assert verdicts[("hiring difficulty", "adjacent")] == "not supported"  # x1.0


def test_one_snapshot_is_not_enough_data_for_hiring(tmp_path: Path) -> None:
    # one crawl of a large market: nothing has closed, no repost can be seen
    jobs = [job(i, company=f"Firm {i}", seen=[0]) for i in range(40)]
    jobs += [job(100 + i, "other", company=f"Firm {i}", seen=[0]) for i in range(40)]
    path = write_jobs_warehouse(tmp_path / "home", jobs, crawls=CRAWLS[:1])
    hiring = [v for v in compute_verdicts(views_of(path)) if v.claim == "hiring difficulty"]
    assert [v.label for v in hiring] == ["not enough data", "not enough data"]
    core = hiring[0]
    assert "crawl history of 1 crawl(s) over 0 days" in core.line
    assert "0 closed postings of the role and 0 of other roles" in core.line


def test_slow_and_reposted_hiring_is_supported(tmp_path: Path) -> None:
    jobs = []
    for i in range(15):  # each company posts the same job twice: the second is a repost
        jobs.append(job(2 * i, company=f"Studio {i}", seen=range(0, 3)))
        jobs.append(job(2 * i + 1, company=f"Studio {i}", seen=range(4, 7)))
    jobs += [
        job(500 + i, "other", company=f"Shop {i}", title=f"Analyst {i}", seen=[2])
        for i in range(30)
    ]
    path = write_jobs_warehouse(tmp_path / "home", jobs)
    hiring = views_of(path)["claims_hiring"].filter(pl.col("role") == "core").row(0, named=True)
    assert (hiring["n_postings"], hiring["n_reposted"], hiring["n_closed"]) == (30, 15, 30)
    assert hiring["median_days_open"] == 21  # three weekly crawls seen, closed by the fourth
    assert verdicts_of(path)[("hiring difficulty", "core")] == "supported"
