"""What `promptjobs refresh` and `demo` did, recorded in the Dagster instance of the home.

The CLI runs the same room functions as the assets (warehouse.refresh.run_refresh, the
crawls, the report) outside Dagster; afterwards it reports one `AssetMaterialization` per
asset it refreshed, with the metadata the asset itself would have produced, into the
instance at <home>/dagster (where `promptjobs ui` points DAGSTER_HOME). So the UI shows
one history whichever way a refresh ran, and the automation sensor does not refresh again
what the CLI already refreshed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines.assets.landing import crawl_metadata
from pipelines.assets.report import report_metadata
from pipelines.assets.warehouse import refresh_metadata, warehouse_specs
from pipelines.keys import REPORT, landing_key

RECORDED_BY = "promptjobs CLI"
CODE_VERSION_TAG = "dagster/code_version"


@dataclass(frozen=True)
class CrawlRecord:
    """One source crawled for one landing day (the stats dict `scrapers.run.crawl` returns)."""

    day: date
    stats: dict[str, Any]


# The project's instance settings (one warehouse writer at a time: run queue limits). Found
# beside this module, not through importlib.resources("pipelines"), which resolves to any
# `pipelines/` folder earlier on sys.path (tests/pipelines under pytest).
INSTANCE_SETTINGS = Path(__file__).with_name("dagster.yaml")


def ensure_instance_settings(dagster_home: Path) -> Path:
    """`dagster_home/dagster.yaml`, copied from the project's settings the first time."""
    dagster_home.mkdir(parents=True, exist_ok=True)
    instance_yaml = dagster_home / "dagster.yaml"
    if not instance_yaml.exists():
        shutil.copyfile(INSTANCE_SETTINGS, instance_yaml)
    return instance_yaml


def instance_at(dagster_home: Path) -> dg.DagsterInstance:
    """The Dagster instance in `dagster_home`, created with the project's instance
    settings (pipelines/dagster.yaml) the first time."""
    ensure_instance_settings(dagster_home)
    return dg.DagsterInstance.from_config(str(dagster_home.resolve()))


def materializations(
    crawls: Iterable[CrawlRecord],
    summary: Any,
    warehouse_reader: Any,
    report: tuple[Path, Path, date] | None,
) -> list[dg.AssetMaterialization]:
    """The materializations of one CLI refresh, in the order the assets were written:
    landing partitions, the warehouse tables and views, the report."""
    events: list[dg.AssetMaterialization] = []
    for crawl in crawls:
        if crawl.stats.get("status") in {"failed", "skipped"}:
            continue
        events.append(
            dg.AssetMaterialization(
                asset_key=landing_key(str(crawl.stats["source"])),
                partition=crawl.day.isoformat(),
                description=f"crawled by the {RECORDED_BY}",
                metadata=crawl_metadata(crawl.stats),
            )
        )
    specs = warehouse_specs()
    code_versions = {spec.key: spec.code_version for spec in specs if spec.code_version}
    with warehouse_reader() as con:
        for key, metadata in refresh_metadata(summary, con, specs):
            tags = {CODE_VERSION_TAG: code_versions[key]} if key in code_versions else None
            events.append(
                dg.AssetMaterialization(
                    asset_key=key,
                    description=f"refreshed by the {RECORDED_BY}",
                    metadata=metadata,
                    tags=tags,
                )
            )
    if report is not None:
        index, out_dir, day = report
        events.append(
            dg.AssetMaterialization(
                asset_key=REPORT,
                description=f"built by the {RECORDED_BY}",
                metadata=report_metadata(None, index, out_dir, day),
            )
        )
    return events


def record(instance: dg.DagsterInstance, events: Iterable[dg.AssetMaterialization]) -> int:
    """Report the events to the instance (no run: they show as runless materializations)."""
    count = 0
    for event in events:
        instance.report_runless_asset_event(event)
        count += 1
    return count
