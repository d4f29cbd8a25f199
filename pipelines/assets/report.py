"""The Plotly report, built from the warehouse views only (dashboards.report.build_report)."""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.assets.warehouse import REFRESH_WHEN_UPSTREAM_UPDATES
from pipelines.keys import REPORT
from pipelines.queries import run_query
from pipelines.resources import WarehouseResource

SUMMARY_PREVIEW_CHARS = 4000


def report_day(con: Any) -> date:
    """The day the report describes: the latest crawl day in the warehouse (demo crawls
    are dated in the past), else today (UTC)."""
    _, rows = run_query(con, "latest_crawl_date")
    latest = rows[0][0] if rows else None
    return latest if isinstance(latest, date) else datetime.now(UTC).date()


def build_report_asset(deps: Sequence[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(
        key=REPORT,
        deps=list(deps),
        group_name="dashboards",
        description="The HTML report (index.html, claims.html, brief.html + brief.md, data/*.csv) under "
        "reports/<day>/, copied to reports/latest/. Reads the warehouse views only.",
        kinds={"plotly", "html"},
        automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        # Rebuilt after every daily crawl: the UI flags a report older than a day and a bit.
        freshness_policy=dg.FreshnessPolicy.time_window(
            fail_window=timedelta(hours=48), warn_window=timedelta(hours=30)
        ),
    )
    def report(
        context: AssetExecutionContext, warehouse: WarehouseResource
    ) -> dg.MaterializeResult:
        from dashboards.publish import publish_latest
        from dashboards.report import build_report
        from scrapers.demo.market import caveat
        from scrapers.sources import source_terms

        settings = warehouse.settings()
        with warehouse.reader() as con:
            day = report_day(con)
            out_dir = settings.report_dir_for(day)
            result = build_report(
                con,
                out_dir,
                png=False,
                report_date=day,
                source_terms=source_terms(),
                caveat=caveat() if settings.env == "demo" else None,
            )
        publish_latest(out_dir, settings.reports_dir / "latest")
        index = Path(getattr(result, "index_path", out_dir / "index.html"))
        context.log.info(f"report: {index}")
        return dg.MaterializeResult(metadata=report_metadata(result, index, out_dir, day))

    return report


def report_metadata(result: Any, index: Path, out_dir: Path, day: date) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "report_path": dg.MetadataValue.path(str(index)),
        "report_dir": dg.MetadataValue.path(str(out_dir)),
        "report_date": day.isoformat(),
    }
    for name in ("figures", "n_figures", "pages", "postings"):
        value = getattr(result, name, None)
        if isinstance(value, (int, float)):
            metadata[name] = value
        elif isinstance(value, (list, tuple, dict)):
            metadata[name] = len(value)
    summary = out_dir / "brief.md"
    if summary.is_file():
        text = summary.read_text(encoding="utf-8")
        metadata["preview"] = dg.MetadataValue.md(text[:SUMMARY_PREVIEW_CHARS])
    return metadata
