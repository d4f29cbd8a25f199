"""The weekly maintain_warehouse job: scheduled once a week, a writer, and it runs
`promptjobs maintain` (here on a warehouse file: the compacting copy)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipelines.definitions import defs
from pipelines.resources import PromptjobsConfig, WarehouseResource
from promptjobs.settings import load_settings


def test_weekly_maintenance_runs_the_writer_job_on_sundays() -> None:
    schedule = defs.resolve_schedule_def("weekly_maintenance")
    assert schedule.job_name == "maintain_warehouse_job"
    assert schedule.cron_schedule == "0 5 * * 0"  # Sunday, before the 06:00 daily crawl
    job = defs.resolve_job_def("maintain_warehouse_job")
    assert job.tags["promptjobs/warehouse"] == "writer"
    (node,) = job.nodes
    assert node.definition.pool == "warehouse"
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 3, 15, 5, 0, tzinfo=UTC)
        )
        assert len(schedule.evaluate_tick(context).run_requests or []) == 1


def test_the_job_compacts_the_warehouse(tmp_path: Path) -> None:
    settings = load_settings({"home": tmp_path / "home"}, environ={})
    with settings.open_warehouse().writer() as con:
        con.execute("create table scratch as select range as n from range(200000)")
    with settings.open_warehouse().writer() as con:
        con.execute("drop table scratch")
    before = settings.open_warehouse().path.stat().st_size
    warehouse = WarehouseResource(config=PromptjobsConfig(home=str(tmp_path / "home")))
    result = defs.resolve_job_def("maintain_warehouse_job").execute_in_process(
        resources={"warehouse": warehouse}
    )
    assert result.success
    (event,) = [e for e in result.all_events if e.event_type_value == "STEP_OUTPUT"]
    metadata = event.event_specific_data.metadata
    assert metadata["bytes_before"].value == before
    assert metadata["bytes_after"].value < before
