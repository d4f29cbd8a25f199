"""Dagster resources: the settings, the warehouse and the crawler.

One switch, PROMPTJOBS_ENV (live | demo), picks the crawler's mode; every value is read
with `EnvVar` so the UI shows where it came from and no value is baked into the code.
An unset variable falls back to `load_settings()` (defaults < promptjobs.toml < env).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import dagster as dg

from promptjobs.settings import Settings, load_settings

if TYPE_CHECKING:
    import duckdb


def env_var_or_none(name: str) -> dg.EnvVar | None:
    """`EnvVar(name)` when the variable is set, else None (the settings default applies).

    Dagster fails a run that reads an unset `EnvVar`; the project has defaults for all of them.
    """
    return dg.EnvVar(name) if os.environ.get(name) else None


class PromptjobsConfig(dg.ConfigurableResource):
    """The project's settings as a Dagster resource; `settings()` resolves them."""

    home: str | None = None
    env: str | None = None
    warehouse: str | None = None
    api_base: str | None = None
    workers: str | None = None
    replay: str | None = None
    boards_file: str | None = None
    contact_url: str | None = None

    def settings(self) -> Settings:
        return load_settings(
            {
                "home": self.home,
                "env": self.env,
                "warehouse": self.warehouse,
                "api_base": self.api_base,
                "workers": self.workers,
                "replay": self.replay,
                "boards_file": self.boards_file,
                "contact_url": self.contact_url,
            }
        )


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse through `warehouse.store.Warehouse`.

    `writer()` holds the warehouse's single-writer file lock and swaps the file in
    atomically on success; Dagster's `warehouse` pool additionally keeps a second run
    from queueing on that lock. Checks and the report read through `reader()`.
    """

    config: PromptjobsConfig

    def settings(self) -> Settings:
        return self.config.settings()

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from warehouse.store import Warehouse

        settings = self.settings()
        settings.ensure_home()
        with Warehouse(settings).writer() as con:
            yield con

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        from warehouse.store import Warehouse

        with Warehouse(self.settings()).reader() as con:
            yield con


class DemoSnapshotMissing(Exception):
    """The demo boards have no snapshot on or before the requested day."""


class CrawlerResource(dg.ConfigurableResource):
    """Runs `scrapers.run.crawl` for one source and one landing day.

    live: the real boards from the registry (or PROMPTJOBS_API_BASE / replay from the
    HTTP cache, as the settings say). demo: starts the embedded demo boards on a free
    127.0.0.1 port and crawls the snapshot of that day (the latest one on or before it).
    """

    config: PromptjobsConfig
    # Scrapy setting overrides for every crawl, e.g. {"RETRY_TIMES": "1"}; Dagster's
    # retry policy retries a failed source on top of Scrapy's own retries.
    scrapy_settings: dict[str, str] = {}

    def settings(self) -> Settings:
        return self.config.settings()

    def crawl_source(self, source: str, day: date) -> dict[str, Any]:
        """Crawl one source into landing files dated `day`; return its stats dict."""
        from scrapers.run import crawl

        settings = self.settings()
        settings.ensure_home()
        if settings.env == "demo":
            return self._crawl_demo(settings, source, day)
        stats = crawl(
            settings,
            [source],
            api_base=settings.api_base,
            crawl_date=day,
            replay=settings.replay,
            progress=False,
            scrapy_settings=dict(self.scrapy_settings) or None,
        )
        return _single(stats, source)

    def _crawl_demo(self, settings: Settings, source: str, day: date) -> dict[str, Any]:
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
            stats = crawl(
                settings,
                [source],
                boards=demo.boards(snapshot),
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
    """The resources of `defs`, each value read from its PROMPTJOBS_* variable when set."""
    config = PromptjobsConfig(
        home=env_var_or_none("PROMPTJOBS_HOME"),
        env=env_var_or_none("PROMPTJOBS_ENV"),
        warehouse=env_var_or_none("PROMPTJOBS_WAREHOUSE"),
        api_base=env_var_or_none("PROMPTJOBS_API_BASE"),
        workers=env_var_or_none("PROMPTJOBS_WORKERS"),
        replay=env_var_or_none("PROMPTJOBS_REPLAY"),
        boards_file=env_var_or_none("PROMPTJOBS_BOARDS_FILE"),
        contact_url=env_var_or_none("PROMPTJOBS_CONTACT_URL"),
    )
    return {
        "promptjobs_config": config,
        "warehouse": WarehouseResource(config=config),
        "crawler": CrawlerResource(config=config),
    }
