"""Lineage of the view assets, read from the SQL files of warehouse/views."""

from __future__ import annotations

from pathlib import Path

from pipelines.assets.warehouse import (
    build_views_asset,
    view_definitions,
    view_dependencies,
    view_statements,
)
from pipelines.keys import table_key, view_key

FACTS_SQL = """\
-- Helper first, then two views on it. job_demand (a later view) is only named here.
create or replace table mat_facts as
select p.posting_id, p.company, count(s.skill_id) as skill_count
from postings p left join posting_skills s using (posting_id)
group by all;

create or replace view facts as select * from mat_facts;

create or replace view facts_by_company as
select company, count(*) as postings from mat_facts group by company
"""
DEMAND_SQL = """\
create view if not exists job_demand as
select f.company, k.name from facts f join skills k on true
"""


def write_views(folder: Path) -> Path:
    folder.mkdir()
    (folder / "010_facts.sql").write_text(FACTS_SQL)
    (folder / "100_job_demand.sql").write_text(DEMAND_SQL)
    return folder


def test_each_view_depends_on_what_it_reads_through_helper_tables(tmp_path: Path) -> None:
    folder = write_views(tmp_path / "views")
    assert list(view_definitions(folder)) == ["facts", "facts_by_company", "job_demand"]
    deps = view_dependencies(view_statements(folder))
    derived = {table_key("posting_lifecycle"), table_key("duplicate_clusters")}
    assert set(deps["facts"]) == {table_key("postings"), table_key("posting_skills")} | derived
    assert set(deps["facts_by_company"]) == set(deps["facts"])
    assert set(deps["job_demand"]) == {view_key("facts"), table_key("skills")}


def test_a_comment_naming_a_later_view_adds_no_dependency(tmp_path: Path) -> None:
    deps = view_dependencies(view_statements(write_views(tmp_path / "views")))
    assert view_key("job_demand") not in deps["facts"]


def test_the_views_multi_asset_has_one_spec_per_view_plus_the_premium_table(
    tmp_path: Path,
) -> None:
    views = build_views_asset(write_views(tmp_path / "views"))
    assert set(views.keys) == {
        view_key("facts"),
        view_key("facts_by_company"),
        view_key("job_demand"),
        table_key("skill_pay_premium_stats"),
    }


def test_the_project_views_form_an_acyclic_graph() -> None:
    deps = view_dependencies(view_statements())
    order = list(deps)
    for name, upstream in deps.items():
        for key in upstream:
            if key.path[:2] == ["warehouse", "views"]:
                assert order.index(key.path[2]) < order.index(name), (name, key)
