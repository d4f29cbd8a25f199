"""The `lake_partitioned_refresh` job: one refresh with its extraction on concurrent writers.

For a DuckLake on a Postgres catalog, where several writers commit side by side. The
costly step of a refresh, extraction, runs as N partitions (a hash of posting_id), one
step each, in parallel under the job's multiprocess executor (or one pod each under the
k8s executor, docs/deploy.md):

    ingest_landing  ->  extract_partition x N (concurrent writers)  ->  finish_refresh

`finish_refresh` is the ordinary refresh (warehouse.refresh.run_refresh), which finds
nothing left to ingest or extract and does the lifecycle, dedupe, companies, views and
pay premium; it records the materialisations of `refresh_warehouse`'s tables and views.
The result equals one `refresh_warehouse` (tests/pipelines/test_lake_partitions_job.py).
On a warehouse file (one writer at a time) the partition steps fail with one line: use
`refresh_warehouse` there.
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from collections.abc import Iterator

import dagster as dg
from dagster import OpExecutionContext

from pipelines.assets.warehouse import (
    WAREHOUSE_POOL,
    WRITER_OP_TAGS,
    refresh_metadata,
    warehouse_specs,
)
from pipelines.automation import WAREHOUSE_RUN_TAGS
from pipelines.resources import WarehouseResource


class PartitionsConfig(dg.Config):
    """How many extraction partitions (concurrent writers) the run splits the work into."""

    partitions: int = 2


@dg.op(
    pool=WAREHOUSE_POOL,
    tags=WRITER_OP_TAGS,
    description="Taxonomy and ingest of what landed, committed (warehouse.refresh.run_ingest).",
)
def ingest_landing(context: OpExecutionContext, warehouse: WarehouseResource) -> int:
    summary = warehouse.ingest(progress=context.log.info)
    return summary.raw_rows_new


@dg.op(
    out=dg.DynamicOut(list),
    description="One output per extraction partition: [index, partitions].",
)
def plan_partitions(config: PartitionsConfig, ingested: int) -> Iterator[dg.DynamicOutput]:
    if config.partitions < 1:
        raise dg.Failure(f"partitions must be 1 or more, not {config.partitions}")
    for index in range(config.partitions):
        yield dg.DynamicOutput([index, config.partitions], mapping_key=f"p{index}")


# Not in the `warehouse` pool and not tagged as the writer: these writers run side by side.
@dg.op(
    description="Extract and load one partition of the pending postings in its own "
    "DuckLake writer (warehouse.refresh.run_extract_partition)."
)
def extract_partition(
    context: OpExecutionContext, warehouse: WarehouseResource, share: list
) -> int:
    index, count = share
    summary = warehouse.extract_partition(index, count, progress=context.log.info)
    context.log.info(f"partition {index + 1}/{count}: {summary.extracted} extracted")
    return summary.extracted


@dg.op(
    out={},
    pool=WAREHOUSE_POOL,
    tags=WRITER_OP_TAGS,
    description="The rest of the refresh (run_refresh: lifecycle, dedupe, companies, views, "
    "pay premium); records refresh_warehouse's materialisations.",
)
def finish_refresh(
    context: OpExecutionContext, warehouse: WarehouseResource, extracted: list[int]
) -> Iterator[dg.AssetMaterialization]:
    summary = warehouse.refresh(progress=context.log.info)
    context.log.info(
        f"{sum(extracted)} posting(s) extracted by {len(extracted)} partition(s); "
        f"{summary.extracted} left for the refresh"
    )
    with warehouse.reader() as con:
        for key, metadata in refresh_metadata(summary, con, warehouse_specs()):
            yield dg.AssetMaterialization(asset_key=key, metadata=metadata)


@dg.job(
    tags=WAREHOUSE_RUN_TAGS,
    executor_def=dg.multiprocess_executor,
    description="A warehouse refresh with extraction split over concurrent writers "
    "(a DuckLake on Postgres): ingest, N extraction partitions at once, the rest.",
)
def lake_partitioned_refresh() -> None:
    partitions = plan_partitions(ingest_landing())
    finish_refresh(partitions.map(extract_partition).collect())
