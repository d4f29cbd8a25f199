"""The refresh chain the CLI runs: crawl -> extract + load -> report.

Each step is one call into its room; this module only sequences them and reports
progress. Dagster runs the same room functions as assets (pipelines/).
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from promptjobs.settings import Settings

if TYPE_CHECKING:
    import pyarrow as pa

    from warehouse.loads import ExtractOutput
    from warehouse.refresh import BatchExtract


def today_utc() -> date:
    return datetime.now(UTC).date()


def extraction_function(settings: Settings) -> BatchExtract:
    """The extractor the warehouse calls on new raw rows: N ordered worker processes,
    started once per refresh, taking and giving Arrow batches (the records are made and
    read back in the workers, not in the writer)."""
    from transforms.parallel import extract_tables
    from warehouse.loads import extract_output_arrow

    # The FX table override is read here, at the I/O edge; transforms get its text.
    fx_csv_text = settings.fx_file.read_text("utf-8") if settings.fx_file else None

    def extract(tables: Iterable[pa.Table]) -> Iterator[ExtractOutput]:
        return extract_tables(
            tables, extract_output_arrow, workers=settings.workers, fx_csv_text=fx_csv_text
        )

    return extract


def taxonomy_rows() -> list[dict[str, Any]]:
    from transforms.taxonomy import load_taxonomy

    return [dataclasses.asdict(skill) for skill in load_taxonomy()]


def load_warehouse(settings: Settings, console: Console | None = None) -> dict[str, Any]:
    """Ingest complete landing files, extract what is new or changed, load, update views."""
    from scrapers.sources import dedupe_priorities
    from transforms.extract import EXTRACTOR_VERSION
    from warehouse.refresh import run_refresh

    console = console or Console(stderr=True)
    settings.ensure_home()
    with console.status("loading the warehouse…") as status:

        def progress(message: str) -> None:
            status.update(f"warehouse: {message}")
            console.print(f"  {message}", highlight=False, soft_wrap=True)

        summary = run_refresh(
            settings,
            extract=extraction_function(settings),
            extractor_version=EXTRACTOR_VERSION,
            taxonomy=taxonomy_rows(),
            progress=progress,
            source_priority=dedupe_priorities(),
        )
    return summary.as_dict()


def build_report_from_settings(
    settings: Settings,
    out: Path | None = None,
    png: bool = False,
    report_date: date | None = None,
) -> Path:
    """Build the report from the warehouse views; also refresh reports/latest/."""
    from dashboards.report import build_report
    from warehouse.store import Warehouse

    day = report_date or today_utc()
    out_dir = out or settings.report_dir_for(day)
    with Warehouse(settings).reader() as con:
        result = build_report(con, out_dir, png=png, report_date=day)
    if out is None:
        publish_latest(out_dir, settings.reports_dir / "latest")
    return result.index_path


def publish_latest(report_dir: Path, latest: Path) -> None:
    """Replace reports/latest with a copy of report_dir, never leaving it half-copied."""
    staging = latest.with_name(".latest.tmp")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(report_dir, staging)
    old = latest.with_name(".latest.old")
    shutil.rmtree(old, ignore_errors=True)
    if latest.exists():
        latest.rename(old)
    staging.rename(latest)
    shutil.rmtree(old, ignore_errors=True)


def run_refresh_chain(
    settings: Settings,
    *,
    crawl: bool = True,
    sources: list[str] | None = None,
    report: bool = True,
    console: Console | None = None,
) -> dict[str, Any]:
    """`promptjobs refresh`: crawl (unless told not to), load, report."""
    console = console or Console(stderr=True)
    failed: list[str] = []
    crawled: list[str] = []
    if crawl:
        from promptjobs.boards import crawl_targets
        from scrapers.registry import SOURCES
        from scrapers.run import crawl as run_crawl

        sources = sources or list(SOURCES)
        # The registry's boards plus every valid discovered one.
        boards, spider_args = crawl_targets(settings, sources)
        stats = run_crawl(
            settings,
            sources,
            boards=boards,
            spider_args=spider_args,
            api_base=settings.api_base,
            replay=settings.replay,
        )
        crawled = [s["source"] for s in stats]
        failed = [s["source"] for s in stats if s.get("status") == "failed"]
        console.print(
            f"crawled {len(stats)} source(s): {sum(s.get('items', 0) for s in stats)} items"
            + (f"; failed: {', '.join(failed)}" if failed else "")
        )
    summary = load_warehouse(settings, console)
    summary["failed_sources"] = failed
    # Nothing crawled at all is an outage a scheduler must see, even though what had
    # landed before was still loaded and reported.
    summary["all_sources_failed"] = bool(crawled) and len(failed) == len(crawled)
    console.print(_format_summary(summary))
    # The frame widens every day: boards linked from what was just loaded are checked now
    # and crawled from the next refresh on.
    from promptjobs.boards import discover

    found = discover(settings, validate=not settings.replay, say=console.print)
    summary["boards_new_candidates"] = found["new_candidates"]
    summary["boards_checked_valid"] = found["checked_valid"]
    if report:
        path = build_report_from_settings(settings)
        console.print(f"report: {path}")
        summary["report"] = str(path)
    return summary


def _format_summary(summary: dict[str, Any]) -> str:
    return "warehouse: " + ", ".join(f"{k}={v}" for k, v in summary.items())
