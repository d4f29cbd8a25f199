"""History from web archives: `archive_backfill`, one monthly partition per run.

A Dagster backfill over many months runs one partition per run, so it can be spread over
workers and a failed month is retried alone. Each partition is one `scrapers.sources.archive.run.
backfill` of that month (captures already landed are skipped, so a re-run is cheap). The
archives ask for modest request rates: give the `archive_backfill` pool a limit of 1 in
the Dagster instance so that parallel runs do not multiply the rate.
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from typing import Any

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.keys import ARCHIVE_BACKFILL
from pipelines.resources import PromptjobsConfig

# Common Crawl's CDX indexes start in 2008 and the Wayback Machine's earlier; ATS job pages
# carry schema.org JSON-LD in numbers from about 2019.
archive_months = dg.MonthlyPartitionsDefinition(start_date="2019-01-01", timezone="UTC")


class ArchiveBackfillConfig(dg.Config):
    archives: list[str] = ["commoncrawl", "wayback"]
    ats: list[str] = []  # empty: every ATS family but workday (ask for it by name)
    limit_per_month: int = 0  # 0: every job page captured


def backfill_metadata(summary: dict[str, Any]) -> dict[str, Any]:
    units = summary.get("units", [])
    return {
        "dagster/row_count": sum(int(u["postings"]) for u in units),
        "captures_listed": sum(int(u["listed"]) for u in units),
        "captures_fetched": sum(int(u["chosen"]) for u in units),
        "captures_already_landed": sum(int(u["skipped_landed"]) for u in units),
        "landing_files": len(summary.get("files", [])),
        "requests": int(summary.get("requests", 0)),
        "from_http_cache": int(summary.get("cached", 0)),
        "errors": dg.MetadataValue.json(dict(summary.get("errors") or {})),
        "units": dg.MetadataValue.json(units),
    }


@dg.asset(
    key=ARCHIVE_BACKFILL,
    group_name="scrapers",
    partitions_def=archive_months,
    pool="archive_backfill",
    kinds={"scrapy"},
    tags={"promptjobs/source": "archive"},
    description="Postings of the partition's month from Common Crawl and the Wayback "
    "Machine (captures of ATS job pages): landing files under landing/source=archive/"
    "date=<capture day>/, written by scrapers/archive/. Loaded by the next ingest.",
)
def archive_backfill(
    context: AssetExecutionContext,
    config: ArchiveBackfillConfig,
    promptjobs_config: PromptjobsConfig,
) -> dg.MaterializeResult:
    from scrapers.sources.archive.patterns import DEFAULT_FAMILIES
    from scrapers.sources.archive.run import BackfillPlan, backfill

    settings = promptjobs_config.settings()
    month = context.partition_key[:7]
    plan = BackfillPlan(
        home=settings.home,
        months=[month],
        archives=tuple(config.archives),
        families=tuple(config.ats) or DEFAULT_FAMILIES,
        limit_per_month=config.limit_per_month or None,
        archive_base=settings.archive_base,
        user_agent=settings.user_agent_string,
        httpcache_dir=settings.httpcache_dir,
    )
    summary = backfill(plan, progress=False)
    metadata = backfill_metadata(summary)
    failed = [u for u in summary.get("units", []) if u["listing_failed"] or u["fetch_failed"]]
    if failed:
        raise dg.Failure(
            description=f"archive backfill of {month} incomplete: "
            + ", ".join(f"{u['archive']}" for u in failed)
            + "; what landed stays, a retry fetches the rest",
            metadata=metadata,
        )
    context.log.info(f"{month}: {metadata['dagster/row_count']} archive postings landed")
    return dg.MaterializeResult(metadata=metadata)
