"""`defs`: the promptjobs code location (`dagster dev` from the project root loads it).

scrapers (landing/<source>, per day) -> transforms (extracted_postings) -> warehouse
(tables, views) -> dashboards (report). Assets are thin calls into those rooms.
"""

from __future__ import annotations

import dagster as dg

from pipelines.assets.archive import archive_backfill
from pipelines.assets.landing import LANDING_RETRY_POLICY, build_landing_assets
from pipelines.assets.report import build_report_asset
from pipelines.assets.warehouse import (
    WRITER_OP_TAGS,
    build_warehouse_asset,
    skill_taxonomy,
)
from pipelines.automation import (
    build_daily_refresh_schedule,
    daily_refresh_job,
    downstream_refresh,
    refresh_all_job,
    warehouse_job,
)
from pipelines.checks import build_checks
from pipelines.lake_partitions import lake_partitioned_refresh
from pipelines.maintenance import build_weekly_maintenance_schedule, maintain_warehouse_job
from pipelines.resources import build_resources


def build_assets(
    retry_policy: dg.RetryPolicy = LANDING_RETRY_POLICY,
) -> list[dg.AssetsDefinition | dg.AssetSpec]:
    warehouse = build_warehouse_asset()
    view_keys = [key for key in warehouse.keys if key.path[:2] == ["warehouse", "views"]]
    return [
        *build_landing_assets(retry_policy),
        archive_backfill,
        skill_taxonomy,
        warehouse,
        build_report_asset(view_keys or [dg.AssetKey(["warehouse", "companies"])]),
    ]


# Runs execute their steps in parallel processes (the landing crawls); the warehouse is
# one step (refresh_warehouse), and the tag keeps any other writer step from running
# beside it, so a step never waits on the writer lock of its own run.
EXECUTOR_CONFIG = {
    "tag_concurrency_limits": [
        {"key": key, "value": value, "limit": 1} for key, value in WRITER_OP_TAGS.items()
    ]
}
executor = dg.multiprocess_executor.configured(EXECUTOR_CONFIG, name="multiprocess_one_writer")


def build_definitions(retry_policy: dg.RetryPolicy = LANDING_RETRY_POLICY) -> dg.Definitions:
    return dg.Definitions(
        assets=build_assets(retry_policy),
        asset_checks=build_checks(),
        jobs=[
            daily_refresh_job,
            refresh_all_job,
            warehouse_job,
            maintain_warehouse_job,
            lake_partitioned_refresh,
        ],
        schedules=[build_daily_refresh_schedule(), build_weekly_maintenance_schedule()],
        sensors=[downstream_refresh],
        resources=build_resources(),
        executor=executor,
    )


defs = build_definitions()


def resolved_job(name: str) -> dg.JobDefinition:
    """A job of `defs` with the code location's resources bound."""
    return defs.resolve_job_def(name)


def lake_partitioned_refresh_job() -> dg.JobDefinition:
    """`lake_partitioned_refresh` as a multiprocess run outside the daemon rebuilds it in
    each step process: `dg.execute_job(dg.reconstructable(lake_partitioned_refresh_job))`."""
    return resolved_job("lake_partitioned_refresh")
