"""Lineage of the view assets, parsed from the SQL files of warehouse/views (sqlglot)."""

from __future__ import annotations

from pathlib import Path

from pipelines.assets.warehouse import build_warehouse_asset, view_dependencies
from pipelines.keys import table_key, view_key
from warehouse.views import view_lineage, view_statements

FACTS_SQL = """\
-- Helper first (filled by an insert that reads a temp helper), then two views on it.
-- job_demand (a later view) is only named here; so is skills in the next line:
/* select * from skills */
create or replace table mat_facts (posting_id varchar, company varchar, skill_count int);
create or replace temp table tmp_counts as
select posting_id, count(skill_id) as skill_count from posting_skills group by all;
insert into mat_facts
select p.posting_id, p.company, c.skill_count
from postings p left join tmp_counts c using (posting_id);

create or replace view facts as select * from mat_facts;

create or replace view facts_by_company as
with by_company as (select company, count(*) as postings from mat_facts group by company)
select * from by_company
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


def test_a_view_reads_what_its_helper_tables_read_including_later_inserts(
    tmp_path: Path,
) -> None:
    lineage = view_lineage(view_statements(write_views(tmp_path / "views")))
    assert list(lineage) == ["facts", "facts_by_company", "job_demand"]
    assert lineage["facts"] == {"postings", "posting_skills"}
    assert lineage["facts_by_company"] == lineage["facts"]  # the CTE is not a relation
    assert lineage["job_demand"] == {"facts", "skills"}


def test_views_map_to_asset_keys_and_postings_brings_its_derived_columns(
    tmp_path: Path,
) -> None:
    deps = view_dependencies(write_views(tmp_path / "views"))
    derived = {table_key("posting_lifecycle"), table_key("duplicate_clusters")}
    assert set(deps["facts"]) == {table_key("postings"), table_key("posting_skills")} | derived
    assert set(deps["job_demand"]) == {view_key("facts"), table_key("skills")}


def test_comments_name_no_dependency(tmp_path: Path) -> None:
    deps = view_dependencies(write_views(tmp_path / "views"))
    assert view_key("job_demand") not in deps["facts"]
    assert table_key("skills") not in deps["facts"]


def test_the_warehouse_asset_has_one_spec_per_table_and_view(tmp_path: Path) -> None:
    asset = build_warehouse_asset(write_views(tmp_path / "views"))
    keys = {key.to_user_string() for key in asset.keys}
    assert {"warehouse/views/facts", "warehouse/views/facts_by_company"} <= keys
    assert {"warehouse/postings", "warehouse/skill_pay_premium_stats"} <= keys
    assert "transforms/extracted_postings" in keys


def test_the_project_views_form_an_acyclic_graph_in_creation_order() -> None:
    deps = view_dependencies()
    order = list(deps)
    for name, upstream in deps.items():
        for key in upstream:
            if key.path[:2] == ["warehouse", "views"]:
                assert order.index(key.path[2]) < order.index(name), (name, key)


def test_the_lineage_names_only_relations_that_exist_after_a_refresh(tmp_path: Path) -> None:
    """Every relation the parsed lineage names is a table or view of a real warehouse."""
    import duckdb

    from warehouse.store import apply_migrations
    from warehouse.views import create_views

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    apply_migrations(con)
    con.execute("create table if not exists skill_pay_premium_stats as select 1 as x")
    create_views(con)
    relations = {name for (name,) in con.sql("select table_name from duckdb_tables()").fetchall()}
    relations |= {name for (name,) in con.sql("select view_name from duckdb_views()").fetchall()}
    named = set().union(*view_lineage(view_statements()).values())
    assert named <= relations
