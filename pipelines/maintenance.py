"""The weekly `maintain_warehouse` job: `promptjobs maintain` as a Dagster op.

Maintenance makes no data (no asset): it merges the lake's small files, expires old
snapshots and deletes unused files (a compacting copy on a warehouse file). It is a
writer like the refresh: in the `warehouse` pool, tagged as a writer step and a writer run,
so it never runs beside a refresh. The `weekly_maintenance` schedule runs it once a week,
an hour before the daily crawl of `daily_refresh` (Sunday 05:00 in
PROMPTJOBS_SCHEDULE_TIMEZONE); it starts switched off, like `daily_refresh`.
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

import dataclasses

import dagster as dg
from dagster import OpExecutionContext, ScheduleEvaluationContext

from pipelines.assets.warehouse import WAREHOUSE_POOL, WRITER_OP_TAGS
from pipelines.automation import WAREHOUSE_RUN_TAGS
from pipelines.resources import WarehouseResource
from promptjobs.settings import load_settings

WEEKLY_MAINTENANCE_CRON = "0 5 * * 0"


@dg.op(
    pool=WAREHOUSE_POOL,
    tags=WRITER_OP_TAGS,
    description="`promptjobs maintain`: merge small files, expire snapshots older than "
    "lake_snapshot_retention_days, delete unused and orphaned files (DuckLake); a "
    "compacting copy (warehouse file).",
)
def maintain_warehouse(context: OpExecutionContext, warehouse: WarehouseResource) -> None:
    summary = warehouse.maintain()
    for line in summary.lines():
        context.log.info(line)
    context.add_output_metadata(
        {
            k: v
            for k, v in dataclasses.asdict(summary).items()
            if isinstance(v, int | float | str) and not isinstance(v, bool)
        }
    )


@dg.job(tags=WAREHOUSE_RUN_TAGS, description="Weekly warehouse upkeep (`promptjobs maintain`).")
def maintain_warehouse_job() -> None:
    maintain_warehouse()


def build_weekly_maintenance_schedule(timezone: str | None = None) -> dg.ScheduleDefinition:
    """`weekly_maintenance`: maintain_warehouse_job every Sunday at 05:00."""
    timezone = timezone or load_settings().schedule_timezone

    @dg.schedule(
        name="weekly_maintenance",
        cron_schedule=WEEKLY_MAINTENANCE_CRON,
        execution_timezone=timezone,
        job=maintain_warehouse_job,
        description=f"`promptjobs maintain` every Sunday at 05:00 ({timezone}), an hour "
        "before the daily crawl; switch it on with daily_refresh.",
    )
    def weekly_maintenance(context: ScheduleEvaluationContext) -> dg.RunRequest:
        return dg.RunRequest(run_key=context.scheduled_execution_time.isoformat())

    return weekly_maintenance
