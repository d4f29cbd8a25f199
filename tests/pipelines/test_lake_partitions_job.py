"""`lake_partitioned_refresh` under the multiprocess executor on a Postgres-catalog
DuckLake: its two extraction partitions are two steps (two processes) writing at the same
time, and the lake it leaves equals one `refresh_warehouse` of the same landing files."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import lake_partitioned_refresh_job
from promptjobs.refresh import refresh_warehouse
from promptjobs.settings import load_settings

pytestmark = pytest.mark.slow

TITLES = ("Prompt Engineer", "LLM Engineer", "AI Engineer", "Conversation Designer")


def land(landing_dir: Path) -> None:
    from pipelines_fixtures import posting_item, write_landing

    for n, source in enumerate(("greenhouse", "lever", "ashby")):
        items = [posting_item(source, f"job-{n}-{k}", TITLES[k % 4], f"Acme {n}") for k in range(4)]
        write_landing(landing_dir, source, items)


def lake_tables(home: Path, target: str, data: Path) -> dict[str, list[tuple]]:
    """Postings and their skills and salaries, without the extraction-run bookkeeping."""
    settings = load_settings(
        {"home": home, "warehouse": target, "lake_data_path": str(data)}, environ={}
    )
    with settings.open_warehouse().reader() as con:
        return {
            "postings": con.sql(
                "select * exclude (extraction_run_id) from postings order by posting_id"
            ).fetchall(),
            "posting_skills": con.sql("select * from posting_skills order by all").fetchall(),
            "posting_salaries": con.sql("select * from posting_salaries order by all").fetchall(),
            "weekly_demand": con.sql("select * from weekly_demand order by all").fetchall(),
        }


def test_two_partition_writers_run_at_once_and_equal_one_refresh(
    project_home: Path, postgres_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    land(project_home / "landing")
    split = f"ducklake:postgres:{postgres_server.new_database()}"
    plain = f"ducklake:postgres:{postgres_server.new_database()}"
    monkeypatch.setenv("PROMPTJOBS_WAREHOUSE", split)
    monkeypatch.setenv("PROMPTJOBS_LAKE_DATA_PATH", str(tmp_path / "split"))
    with dg.instance_for_test() as instance:
        result = dg.execute_job(dg.reconstructable(lake_partitioned_refresh_job), instance=instance)
        assert result.success
        steps: dict[str, list[float]] = {}
        for event in instance.all_logs(result.run_id):
            if event.dagster_event and event.dagster_event.event_type_value in (
                "STEP_START",
                "STEP_SUCCESS",
            ):
                steps.setdefault(event.dagster_event.step_key or "", []).append(event.timestamp)
        materialized = {
            e.asset_key.to_user_string()
            for e in result.get_asset_materialization_events()
            if e.asset_key is not None
        }
    partition_steps = sorted(k for k in steps if k.startswith("extract_partition"))
    assert partition_steps == ["extract_partition[p0]", "extract_partition[p1]"]
    (start_a, end_a), (start_b, end_b) = (steps[k] for k in partition_steps)
    assert start_a < end_b and start_b < end_a, "the two partition writers did not overlap"
    assert {"warehouse/postings", "warehouse/views/weekly_demand"} <= materialized

    plain_settings = load_settings(
        {"home": project_home, "warehouse": plain, "lake_data_path": str(tmp_path / "plain")},
        environ={},
    )
    refresh_warehouse(plain_settings)
    got = lake_tables(project_home, split, tmp_path / "split")
    want = lake_tables(project_home, plain, tmp_path / "plain")
    assert len(got["postings"]) == 12
    assert got == want
    with (
        load_settings(
            {"home": project_home, "warehouse": split, "lake_data_path": str(tmp_path / "split")},
            environ={},
        )
        .open_warehouse()
        .reader() as con
    ):
        runs = con.sql("select extraction_run_id, postings from extraction_runs order by 1")
        parts = runs.fetchall()
    assert [r[0].split("#")[1] for r in parts] == ["1 part 1/2", "1 part 2/2"]
    assert sum(r[1] for r in parts) == 12
