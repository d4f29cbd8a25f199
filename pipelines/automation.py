"""Jobs, the daily_refresh schedule and the sensor that refreshes downstream assets.

The schedule only crawls (the landing assets of the day); everything downstream carries
an eager automation condition, so the automation sensor refreshes the warehouse and the
report once the new raw data has landed. Backfills of `daily_refresh_job` over past
days work the same way.
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

import dagster as dg
from dagster import ScheduleEvaluationContext

from pipelines.keys import ARCHIVE_BACKFILL
from promptjobs.settings import load_settings

# Runs that write the warehouse carry this tag; dagster.yaml limits it to one at a time.
WAREHOUSE_RUN_TAGS = {"promptjobs/warehouse": "writer"}
# The monthly `archive_backfill` runs on its own (a Dagster backfill over its partitions).
ARCHIVE = dg.AssetSelection.assets(ARCHIVE_BACKFILL)

daily_refresh_job = dg.define_asset_job(
    "daily_refresh_job",
    selection=dg.AssetSelection.groups("scrapers") - ARCHIVE,
    description="Crawl every source for one landing day (one asset per source).",
)

refresh_all_job = dg.define_asset_job(
    "refresh_all_job",
    selection=dg.AssetSelection.all() - ARCHIVE,
    tags=WAREHOUSE_RUN_TAGS,
    description="Crawl one day, then load, extract, views and report in the same run.",
)

warehouse_job = dg.define_asset_job(
    "warehouse_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("scrapers"),
    tags=WAREHOUSE_RUN_TAGS,
    description="Load what has landed, extract, update views and rebuild the report (no crawl).",
)


def build_daily_refresh_schedule(
    cron: str | None = None, timezone: str | None = None
) -> dg.ScheduleDefinition:
    """`daily_refresh`: crawl the day's partition on PROMPTJOBS_SCHEDULE_CRON (06:00 UTC)."""
    settings = load_settings()
    cron = cron or settings.schedule_cron
    timezone = timezone or settings.schedule_timezone

    @dg.schedule(
        name="daily_refresh",
        cron_schedule=cron,
        execution_timezone=timezone,
        job=daily_refresh_job,
        description=f"Crawl every source at `{cron}` ({timezone}) into that day's partition; "
        "the automation sensor then refreshes the warehouse and the report.",
    )
    def daily_refresh(context: ScheduleEvaluationContext) -> dg.RunRequest:
        tick = context.scheduled_execution_time
        return dg.RunRequest(run_key=tick.isoformat(), partition_key=tick.date().isoformat())

    return daily_refresh


downstream_refresh = dg.AutomationConditionSensorDefinition(
    "downstream_refresh",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    run_tags=WAREHOUSE_RUN_TAGS,
    description="Evaluates the assets' automation conditions: when a landing partition "
    "lands, the warehouse tables, views and report refresh.",
)
