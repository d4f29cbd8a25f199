"""Dagster resources: the settings, the warehouse and the crawler.

One switch, PROMPTJOBS_ENV (live | demo), picks the crawler's mode. The settings
resource has one field per field of `promptjobs.settings.Settings` (derived from the
model, so no name is listed twice), each read with `EnvVar` from the variable the model
names, so the UI shows where a value came from; an unset one falls back to
`load_settings()` (defaults < promptjobs.toml < env).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import dagster as dg
import pydantic

from promptjobs.settings import Settings, load_settings

if TYPE_CHECKING:
    import duckdb

    from warehouse.maintenance import MaintenanceSummary
    from warehouse.refresh import RefreshSummary


def env_var_or_none(name: str) -> dg.EnvVar | None:
    """`EnvVar(name)` when the variable is set, else None (the settings default applies).

    Dagster fails a run that reads an unset `EnvVar`; the project has defaults for all of them.
    """
    return dg.EnvVar(name) if os.environ.get(name) else None


class _SettingsResource(dg.ConfigurableResource):
    def settings(self) -> Settings:
        """The resolved settings: this resource's values over `load_settings()`."""
        return load_settings({name: getattr(self, name) for name in Settings.model_fields})


# The project's settings as a Dagster resource: one optional string per settings field
# (the model validates and converts them), named as in the model.
PromptjobsConfig: type[_SettingsResource] = pydantic.create_model(  # type: ignore[call-overload]
    "PromptjobsConfig",
    __base__=_SettingsResource,
    __module__=__name__,
    __doc__="The project's settings (promptjobs.settings.Settings) as a Dagster resource.",
    **{name: (str | None, None) for name in Settings.model_fields},
)


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse through `warehouse.store.Warehouse`.

    `refresh()` runs the one refresh path (warehouse.refresh.run_refresh): one writer,
    which holds the warehouse's single-writer file lock and swaps the file in atomically
    on success; Dagster's `warehouse` pool additionally keeps a second run from queueing
    on that lock. Checks and the report read through `reader()`.
    """

    config: PromptjobsConfig  # type: ignore[valid-type]

    def settings(self) -> Settings:
        return self.config.settings()

    def ingest(self, progress: Callable[[str], None] | None = None) -> RefreshSummary:
        """Taxonomy and ingest alone, committed (before partitioned extraction)."""
        from promptjobs.refresh import ingest_for_partitions

        return ingest_for_partitions(self.settings(), progress)

    def extract_partition(
        self, index: int, count: int, progress: Callable[[str], None] | None = None
    ) -> RefreshSummary:
        """Partition `index` of `count` of the pending extraction, in a concurrent writer."""
        from promptjobs.refresh import extract_partition

        return extract_partition(self.settings(), index, count, progress)

    def refresh(self, progress: Callable[[str], None] | None = None) -> RefreshSummary:
        """The CLI's refresh (promptjobs.refresh.refresh_warehouse) with board discovery;
        in demo mode the candidates are checked against the demo boards."""
        from promptjobs.boards import board_discovery
        from promptjobs.refresh import refresh_warehouse

        settings = self.settings()
        if settings.env == "demo":
            from promptjobs.demo import write_demo_registry
            from scrapers.demo.server import DemoServer

            with DemoServer() as demo:
                settings = write_demo_registry(settings, demo.boards(demo.snapshot_dates[0]))
                discovery = board_discovery(
                    settings, api_base=demo.api_bases(max(demo.snapshot_dates))
                )
                return refresh_warehouse(settings, progress, discovery=discovery)
        discovery = board_discovery(settings, validate=not settings.replay)
        return refresh_warehouse(settings, progress, discovery=discovery)

    def maintain(self) -> MaintenanceSummary:
        """`promptjobs maintain` (warehouse.maintenance.maintain) with these settings."""
        from warehouse.maintenance import maintain

        settings = self.settings()
        return maintain(
            settings.open_warehouse(), retention_days=settings.lake_snapshot_retention_days
        )

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.settings().open_warehouse().reader() as con:
            yield con


class DemoSnapshotMissing(Exception):
    """The demo boards have no snapshot on or before the requested day."""


class CrawlerResource(dg.ConfigurableResource):
    """Runs `scrapers.run.crawl` for one source and one landing day.

    live: the real boards from the registry (or PROMPTJOBS_API_BASE / replay from the
    HTTP cache, as the settings say). demo: starts the embedded demo boards on a free
    127.0.0.1 port and crawls the snapshot of that day (the latest one on or before it).
    """

    config: PromptjobsConfig  # type: ignore[valid-type]
    # Scrapy setting overrides for every crawl, e.g. {"RETRY_TIMES": "1"}; Dagster's
    # retry policy retries a failed source on top of Scrapy's own retries.
    scrapy_settings: dict[str, str] = {}

    def settings(self) -> Settings:
        return self.config.settings()

    def crawl_source(self, source: str, day: date) -> dict[str, Any]:
        """Crawl one source into landing files dated `day` (an ATS source: the registry's
        boards plus every valid discovered one, as `promptjobs crawl`); its stats dict."""
        from promptjobs.boards import crawl_targets
        from scrapers.run import crawl

        settings = self.settings()
        settings.ensure_home()
        if settings.env == "demo":
            return self._crawl_demo(settings, source, day)
        boards, spider_args = crawl_targets(settings, [source])
        stats = crawl(
            settings.crawl_config(),
            [source],
            boards=boards,
            spider_args=spider_args,
            api_base=settings.api_base,
            crawl_date=day,
            replay=settings.replay,
            progress=False,
            scrapy_settings=dict(self.scrapy_settings) or None,
        )
        return _single(stats, source)

    def _crawl_demo(self, settings: Settings, source: str, day: date) -> dict[str, Any]:
        from promptjobs.demo import demo_crawl_boards, write_demo_registry
        from scrapers.demo.server import DemoServer
        from scrapers.run import crawl

        with DemoServer() as demo:
            earlier = [d for d in demo.snapshot_dates if d <= day]
            if not earlier:
                first = min(demo.snapshot_dates).isoformat()
                raise DemoSnapshotMissing(
                    f"the demo boards start on {first}; materialise a partition from {first} on"
                )
            snapshot = max(earlier)
            if source not in demo.sources(snapshot):
                return {"source": source, "status": "skipped", "items": 0, "snapshot": snapshot}
            # The demo's registry is the home's (as `promptjobs demo` writes it); discovered
            # boards are crawled from the day after they were found, as the CLI demo does.
            settings = write_demo_registry(settings, demo.boards(demo.snapshot_dates[0]))
            stats = crawl(
                settings.crawl_config(),
                [source],
                boards=demo_crawl_boards(settings, demo, day, snapshot),
                api_base=demo.api_bases(snapshot),
                crawl_date=day,
                progress=False,
                scrapy_settings=dict(self.scrapy_settings) or None,
            )
        result = _single(stats, source)
        result["snapshot"] = snapshot
        return result


def _single(stats: list[dict[str, Any]], source: str) -> dict[str, Any]:
    for entry in stats:
        if entry.get("source") == source:
            return dict(entry)
    return {"source": source, "status": "failed", "items": 0, "errors": {"no_stats": 1}}


def build_resources() -> dict[str, dg.ConfigurableResource]:
    """The resources of `defs`, each setting read from its PROMPTJOBS_* variable when set."""
    config = PromptjobsConfig(
        **{name: env_var_or_none(Settings.env_var(name)) for name in Settings.model_fields}
    )
    return {
        "promptjobs_config": config,
        "warehouse": WarehouseResource(config=config),
        "crawler": CrawlerResource(config=config),
    }
