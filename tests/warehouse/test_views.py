"""The report views: exact columns of docs/architecture.md §4, canonical jobs counted once."""

from __future__ import annotations

from types import SimpleNamespace

import duckdb
import pytest

from promptjobs.settings import Settings
from warehouse.views import create_views, view_files, view_statements

CONTRACT_COLUMNS: dict[str, list[str]] = {
    "posting_facts": [
        "posting_id",
        "canonical_posting_id",
        "source",
        "company",
        "title",
        "role",
        "posted_at",
        "demand_date",
        "seniority",
        "remote",
        "ai_involvement",
        "language",
        "country",
        "us_state",
        "world_region",
        "first_seen",
        "last_seen",
        "closed_at",
        "days_open",
        "salary_min_annual_usd",
        "salary_max_annual_usd",
        "pay_usd",
        "years_min",
        "years_max",
        "skill_count",
        "family_count",
    ],
    "posting_families": ["canonical_posting_id", "role", "family"],
    "weekly_demand": ["week", "role", "source", "new_postings", "active_postings"],
    "salary_bands": ["dimension", "value", "role", "n", "p10", "p25", "p50", "p75", "p90"],
    "band_175k_300k": [
        "week",
        "role",
        "n_with_pay",
        "n_overlap",
        "share_overlap",
        "n_inside",
        "n_above",
        "n_below",
    ],
    "skill_demand": ["role", "skill_id", "skill_name", "category", "family", "postings", "share"],
    "skill_trends": ["week", "skill_id", "skill_name", "postings", "share"],
    "skill_pay_premium": [
        "skill_id",
        "skill_name",
        "n_with",
        "n_without",
        "median_with",
        "median_without",
        "uplift",
        "ci_low",
        "ci_high",
    ],
    "skill_cooccurrence": ["skill_a", "skill_b", "postings", "jaccard"],
    "top_employers": [
        "company",
        "postings",
        "core_postings",
        "adjacent_postings",
        "median_pay_usd",
    ],
    "time_to_close": ["role", "n_closed", "median_days_open", "p25_days_open", "p75_days_open"],
    "source_summary": [
        "source",
        "postings",
        "first_seen",
        "last_seen",
        "attribution_url",
        "boards_registry",
        "boards_discovered",
        "boards_candidate",
        "boards_invalid",
        "boards_gone",
        "postings_from_discovered",
    ],
    "board_frame": [
        "ats",
        "status",
        "boards",
        "discovered",
        "first_discovered",
        "last_discovered",
        "postings",
        "open_postings",
    ],
    "salary_pay_basis": [
        "posting_id",
        "ordinal",
        "is_primary",
        "min",
        "max",
        "currency",
        "period",
        "min_annual_usd",
        "max_annual_usd",
        "label",
        "text",
        "pay_basis",
        "pay_basis_stated",
    ],
    "state_pay": ["us_state", "postings", "n_with_pay", "median_pay_usd"],
}


@pytest.fixture
def market(settings: Settings, landing, kit: SimpleNamespace) -> Settings:
    """Four jobs, one of them also on HN; two weeks of crawls; one job closes."""
    usd = kit.usd
    gh = [
        kit.item(
            "greenhouse",
            "1",
            title="Prompt Engineer",
            compensation=usd(170000, 190000),
            description_text="prompt engineering and python",
            posted_at="2026-10-01T00:00:00Z",
        ),
        kit.item(
            "greenhouse",
            "2",
            title="Senior Prompt Engineer",
            compensation=usd(250000, 350000),
            description_text="prompt engineering, rag and evals",
            location_raw="New York, NY",
        ),
        kit.item(
            "greenhouse",
            "3",
            title="LLM Engineer",
            compensation=usd(120000, 150000),
            description_text="python and rag",
            location_raw="Austin, TX",
        ),
        kit.item(
            "greenhouse",
            "4",
            title="Data Analyst",
            compensation=usd(310000, None),
            description_text="python",
            location_raw="London, UK",
        ),
    ]
    hn = kit.item(
        "hn",
        "9",
        board="41",
        title="Prompt Engineer",
        company="Acme AI Inc",
        description_text="linguistics too",
        posted_at="2026-10-02T00:00:00Z",
    )
    landing.write("greenhouse", "2026-10-01", gh)
    landing.write("hn", "2026-10-02", [hn])
    landing.write("greenhouse", "2026-10-08", gh[:3])
    kit.refresh(settings)
    return settings


def query(settings: Settings, sql: str) -> list[tuple]:
    with settings.open_warehouse().reader() as con:
        return con.sql(sql).fetchall()


def test_views_are_created_in_file_name_order(settings: Settings) -> None:
    names = [p.name for p in view_files()]
    assert names == sorted(names)
    with settings.open_warehouse().writer() as con:
        created = create_views(con)
    assert created[:4] == ["posting_facts", "job_skills", "canonical_skills", "posting_families"]
    assert set(CONTRACT_COLUMNS) <= set(created)
    # The names create_views reports are the views the SQL parser (the lineage) finds.
    parsed = [s.name for s in view_statements() if s.kind == "view"]
    assert created == parsed
    with settings.open_warehouse().reader() as con:
        made = {name for (name,) in con.sql("select view_name from duckdb_views()").fetchall()}
    assert set(created) <= made


@pytest.mark.parametrize("view", sorted(CONTRACT_COLUMNS))
def test_every_view_has_exactly_the_contract_columns(market: Settings, view: str) -> None:
    with market.open_warehouse().reader() as con:
        columns = [d[0] for d in con.sql(f"select * from {view} limit 0").description]
    assert columns == CONTRACT_COLUMNS[view]


def test_posting_facts_counts_a_cross_posted_job_once_and_keeps_its_pay(market: Settings) -> None:
    facts = query(
        market,
        "select posting_id, demand_date::varchar, pay_usd, skill_count, family_count, "
        "closed_at::varchar, days_open from posting_facts order by 1",
    )
    assert facts == [
        ("greenhouse:1", "2026-10-01", 180000.0, 3, 3, None, 7),
        ("greenhouse:2", "2026-10-01", 300000.0, 3, 1, None, 7),
        ("greenhouse:3", "2026-10-01", 135000.0, 2, 2, None, 7),
        ("greenhouse:4", "2026-10-01", 310000.0, 1, 1, "2026-10-08", 7),
    ]


def test_posting_families_lists_each_family_once_per_job(market: Settings) -> None:
    families = query(
        market,
        "select family from posting_families where canonical_posting_id = 'greenhouse:1' order by 1",
    )
    assert families == [("ai_ml",), ("linguistics_language",), ("programming",)]


def test_the_175k_300k_band_splits_every_paid_job(market: Settings) -> None:
    band = query(
        market,
        "select n_with_pay, n_overlap, share_overlap, n_inside, n_above, n_below "
        "from band_175k_300k where role = 'all'",
    )
    # 170-190k overlaps, 250-350k overlaps, 120-150k below, 310k+ above.
    assert band == [(4, 2, 0.5, 0, 1, 1)]


def test_salary_bands_give_percentiles_per_dimension(market: Settings) -> None:
    overall = query(
        market, "select n, p50 from salary_bands where dimension = 'all' and role = 'all'"
    )
    core = query(
        market, "select n, p10, p90 from salary_bands where dimension = 'all' and role = 'core'"
    )
    dims = {r[0] for r in query(market, "select distinct dimension from salary_bands")}
    assert overall == [(4, 240000.0)]
    assert core == [(2, 192000.0, 288000.0)]
    assert dims == {"all", "seniority", "world_region", "remote"}


def test_skill_demand_shares_are_of_canonical_jobs(market: Settings) -> None:
    demand = dict(query(market, "select skill_id, postings from skill_demand where role = 'all'"))
    share = query(
        market, "select share from skill_demand where role = 'all' and skill_id = 'python'"
    )
    assert demand == {"prompt_engineering": 2, "python": 3, "rag": 2, "evals": 1, "linguistics": 1}
    assert share == [(0.75,)]


def test_weekly_demand_counts_new_and_active_jobs(market: Settings) -> None:
    weeks = query(
        market,
        "select week::varchar, sum(new_postings), sum(active_postings) from weekly_demand "
        "group by week order by week",
    )
    # Week of 2026-09-28: all four jobs appear. Week of 10-05: three still open
    # (the fourth closed on 10-08, so it was still open on 10-05..10-07).
    assert weeks == [("2026-09-28", 4, 4), ("2026-10-05", 0, 4)]


def test_time_to_close_top_employers_sources_and_states(market: Settings) -> None:
    assert query(market, "select role, n_closed, median_days_open from time_to_close") == [
        ("other", 1, 7.0)
    ]
    assert query(
        market, "select company, postings, core_postings, adjacent_postings from top_employers"
    ) == [("Acme AI", 4, 2, 1)]
    assert query(market, "select source, postings from source_summary order by 1") == [
        ("greenhouse", 4),
        ("hn", 1),
    ]
    assert query(market, "select us_state, postings, n_with_pay from state_pay order by 1") == [
        ("CA", 1, 1),
        ("NY", 1, 1),
        ("TX", 1, 1),
    ]


def test_cooccurrence_jaccard(market: Settings) -> None:
    pairs = query(
        market,
        "select postings, jaccard from skill_cooccurrence where skill_a = 'python' and skill_b = 'rag'",
    )
    assert pairs == [(1, pytest.approx(1 / 4))]


def test_views_also_run_on_an_empty_warehouse(settings: Settings) -> None:
    with settings.open_warehouse().writer() as con:
        create_views(con)
        for view in CONTRACT_COLUMNS:
            assert con.sql(f"select count(*) from {view}").fetchall() == [(0,)]


def test_views_need_no_file_access(market: Settings) -> None:
    with market.open_warehouse().reader() as con:
        for view in CONTRACT_COLUMNS:
            con.sql(f"select * from {view}").fetchall()
        with pytest.raises(duckdb.Error):
            con.sql("create view x as select 1")
