"""The refresh chain the CLI runs: crawl -> extract + load + board discovery -> report ->
record in Dagster.

Each step is one call into its room with plain values from the settings; this module
only sequences them and reports progress. The warehouse step is `refresh_warehouse`
(warehouse.refresh.run_refresh with the settings' values and the board discovery step),
the same call the Dagster `refresh_warehouse` asset makes, and what ran is recorded in the
Dagster instance under <home>/dagster (pipelines.cli_runs), so the UI shows CLI and
scheduled runs in one history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from promptjobs.settings import Settings

if TYPE_CHECKING:
    from pipelines.cli_runs import CrawlRecord
    from warehouse.boards import BoardDiscovery
    from warehouse.refresh import RefreshSummary


def today_utc() -> date:
    return datetime.now(UTC).date()


def refresh_warehouse(
    settings: Settings,
    progress: Callable[[str], None] | None = None,
    *,
    discovery: BoardDiscovery | None = None,
) -> RefreshSummary:
    """The one warehouse refresh (warehouse.refresh.run_refresh) with the settings' values:
    what `promptjobs refresh`, `demo` and the Dagster `refresh_warehouse` asset all run.
    `discovery` (promptjobs.boards.board_discovery) updates the board frame in it."""
    from scrapers.sources import dedupe_priorities
    from warehouse.refresh import run_refresh, transforms_extraction

    settings.ensure_home()
    return run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        *transforms_extraction(settings.workers, settings.fx_csv_text()),
        progress=progress,
        source_priority=dedupe_priorities(),
        discovery=discovery,
    )


def ingest_for_partitions(
    settings: Settings, progress: Callable[[str], None] | None = None
) -> RefreshSummary:
    """The first step of a refresh with partitioned extraction (pipelines/lake_partitions):
    taxonomy, ingest, carry-over, committed (warehouse.refresh.run_ingest)."""
    from warehouse.refresh import run_ingest, transforms_extraction

    settings.ensure_home()
    extraction = transforms_extraction(settings.workers, settings.fx_csv_text())
    return run_ingest(
        settings.open_warehouse(),
        settings.landing_dir,
        extraction.extractor_version,
        extraction.taxonomy,
        progress,
    )


def extract_partition(
    settings: Settings,
    index: int,
    count: int,
    progress: Callable[[str], None] | None = None,
) -> RefreshSummary:
    """Extract and load partition `index` of `count` of what is pending, in a writer that
    commits beside the other partitions' (a DuckLake; warehouse.refresh.run_extract_partition)."""
    from warehouse.extraction_handoff import Partition
    from warehouse.refresh import run_extract_partition, transforms_extraction

    extraction = transforms_extraction(settings.workers, settings.fx_csv_text())
    return run_extract_partition(
        settings.open_warehouse(),
        extraction.extract,
        extraction.extractor_version,
        Partition(index, count),
        progress,
    )


def load_warehouse(
    settings: Settings,
    console: Console | None = None,
    *,
    discovery: BoardDiscovery | None = None,
) -> RefreshSummary:
    """Ingest complete landing files, extract what is new or changed, load, (with
    `discovery`) update the board frame, update views; progress on the console."""
    console = console or Console(stderr=True)
    with console.status("loading the warehouse…") as status:

        def progress(message: str) -> None:
            status.update(f"warehouse: {message}")
            console.print(f"  {message}", highlight=False, soft_wrap=True)

        return refresh_warehouse(settings, progress, discovery=discovery)


def build_report_from_settings(
    settings: Settings,
    out: Path | None = None,
    png: bool = False,
    report_date: date | None = None,
    caveat: str | None = None,
    at: int | None = None,
) -> Path:
    """Build the report from the warehouse views; also refresh reports/latest/. `caveat`:
    a note opening both pages (the demo's); `at`: a DuckLake snapshot to build it from (an
    earlier state; reports/latest/ is then left alone)."""
    from dashboards.publish import publish_latest
    from dashboards.report import build_report
    from scrapers.sources import source_terms

    day = report_date or today_utc()
    # An earlier snapshot's report goes beside the dated ones, never over today's.
    out_dir = out or (
        settings.reports_dir / f"snapshot-{at}" if at is not None else settings.report_dir_for(day)
    )
    warehouse = settings.open_warehouse()
    if at is not None:
        warehouse = warehouse.at(at)
    with warehouse.reader() as con:
        result = build_report(
            con,
            out_dir,
            png=png,
            report_date=day,
            source_terms=source_terms(),
            caveat=caveat,
            lake_snapshot=warehouse.snapshot_of(con),
        )
    if out is None and at is None:
        publish_latest(out_dir, settings.reports_dir / "latest")
    return result.index_path


def record_in_dagster(
    settings: Settings,
    crawls: Iterable[CrawlRecord],
    summary: RefreshSummary,
    report: tuple[Path, Path, date] | None,
    console: Console,
) -> int:
    """Record what this refresh materialised in the Dagster instance under <home>/dagster.

    The warehouse is already saved; a failure here costs the UI its history line only,
    so it is a warning, not an error.
    """
    try:
        from pipelines.cli_runs import instance_at, materializations, record

        events = materializations(crawls, summary, settings.open_warehouse().reader, report)
        with instance_at(settings.dagster_home) as instance:
            count = record(instance, events)
    except Exception as exc:  # noqa: BLE001 - see the docstring
        console.print(
            f"warning: the refresh is saved, but recording it in the Dagster instance at "
            f"{settings.dagster_home} failed: {exc}",
            highlight=False,
            soft_wrap=True,
        )
        return 0
    console.print(
        f"dagster: {count} materialization(s) recorded in {settings.dagster_home} "
        "(`promptjobs ui` shows them)",
        highlight=False,
        soft_wrap=True,
    )
    return count


def run_refresh_chain(
    settings: Settings,
    *,
    crawl: bool = True,
    sources: list[str] | None = None,
    report: bool = True,
    console: Console | None = None,
) -> dict[str, Any]:
    """`promptjobs refresh`: crawl (unless told not to), load, report, record in Dagster."""
    from pipelines.cli_runs import CrawlRecord

    console = console or Console(stderr=True)
    failed: list[str] = []
    crawled: list[str] = []
    crawls: list[CrawlRecord] = []
    if crawl:
        from promptjobs.boards import crawl_targets
        from scrapers.registry import SOURCES
        from scrapers.run import crawl as run_crawl

        sources = sources or list(SOURCES)
        # The registry's boards plus every valid discovered one.
        boards, spider_args = crawl_targets(settings, sources)
        day = today_utc()
        stats = run_crawl(
            settings.crawl_config(),
            sources,
            boards=boards,
            spider_args=spider_args,
            api_base=settings.api_base,
            crawl_date=day,
            replay=settings.replay,
        )
        crawls = [CrawlRecord(day, s) for s in stats]
        crawled = [s["source"] for s in stats]
        failed = [s["source"] for s in stats if s.get("status") == "failed"]
        console.print(
            f"crawled {len(stats)} source(s): {sum(s.get('items', 0) for s in stats)} items"
            + (f"; failed: {', '.join(failed)}" if failed else "")
        )
    from promptjobs.boards import board_discovery

    # The frame widens every day: boards linked from what is loaded now are checked in the
    # refresh and crawled from the next one on. Without a crawl (`--no-crawl`) or under
    # replay the refresh is offline: boards are found, not checked (the next crawling
    # refresh or `promptjobs boards discover` checks them; offline, each check waited for
    # its connection to fail, ~20 s for a demo day's candidates).
    refreshed = load_warehouse(
        settings,
        console,
        discovery=board_discovery(settings, validate=crawl and not settings.replay),
    )
    summary = refreshed.as_dict()
    summary["failed_sources"] = failed
    # Nothing crawled at all is an outage a scheduler must see, even though what had
    # landed before was still loaded and reported.
    summary["all_sources_failed"] = bool(crawled) and len(failed) == len(crawled)
    console.print(_format_summary(summary))
    built: tuple[Path, Path, date] | None = None
    if report:
        day = today_utc()
        path = build_report_from_settings(settings, report_date=day)
        console.print(f"report: {path}")
        summary["report"] = str(path)
        built = (path, settings.report_dir_for(day), day)
    record_in_dagster(settings, crawls, refreshed, built, console)
    return summary


def _format_summary(summary: dict[str, Any]) -> str:
    return "warehouse: " + ", ".join(f"{k}={v}" for k, v in summary.items())
