"""Raw postings per source and landing day: one asset per source, partitioned by day.

Each partition is one `scrapers.run.crawl` of one source, written as landing files under
PROMPTJOBS_HOME/landing/source=<source>/date=<day>/. A failing source fails its own
partition (and is retried); the other sources' partitions are independent assets.
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from datetime import date
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.keys import landing_key
from pipelines.partitions import CONTRACT_SOURCES, landing_days
from pipelines.resources import CrawlerResource, DemoSnapshotMissing

# A board that is down at 06:00 is often back a few minutes later.
LANDING_RETRY_POLICY = dg.RetryPolicy(
    max_retries=2, delay=60, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


def crawl_metadata(stats: dict[str, Any]) -> dict[str, Any]:
    """What a crawl's stats say, as materialisation metadata (counts first)."""
    errors = stats.get("errors") or {}
    boards_ok = list(stats.get("boards_ok") or [])
    not_found = list(stats.get("boards_not_found") or [])
    boards_failed = list(stats.get("boards_failed") or [])
    metadata: dict[str, Any] = {
        "dagster/row_count": int(stats.get("items", 0)),
        "status": str(stats.get("status", "unknown")),
        "items": int(stats.get("items", 0)),
        "items_invalid": int(stats.get("items_invalid", 0)),
        "requests": int(stats.get("requests", 0)),
        "responses": int(stats.get("responses", 0)),
        "boards_ok": len(boards_ok),
        "boards_not_found": len(not_found),
        "boards_failed": len(boards_failed),
        "duration_s": float(stats.get("duration_s", 0.0)),
        "run_id": str(stats.get("run_id", "")),
        "errors": dg.MetadataValue.json(dict(errors)),
    }
    if "snapshot" in stats:
        metadata["demo_snapshot"] = str(stats["snapshot"])
    lines = ["| boards | count | names |", "|---|---|---|"]
    for label, names in (("ok", boards_ok), ("not found", not_found), ("failed", boards_failed)):
        shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        lines.append(f"| {label} | {len(names)} | {shown} |")
    metadata["preview"] = dg.MetadataValue.md("\n".join(lines))
    return metadata


def build_landing_asset(
    source: str, retry_policy: dg.RetryPolicy = LANDING_RETRY_POLICY
) -> dg.AssetsDefinition:
    @dg.asset(
        key=landing_key(source),
        group_name="scrapers",
        partitions_def=landing_days,
        retry_policy=retry_policy,
        # One crawl of a source at a time, so a backfill never hammers a board.
        pool=f"crawl_{source}",
        kinds={"scrapy"},
        tags={"promptjobs/source": source},
        description=f"Raw {source} postings crawled on the partition's day: landing files "
        f"under landing/source={source}/date=<day>/ (JSONL + stats), written by scrapers/.",
    )
    def landing(context: AssetExecutionContext, crawler: CrawlerResource) -> dg.MaterializeResult:
        day = date.fromisoformat(context.partition_key)
        try:
            stats = crawler.crawl_source(source, day)
        except DemoSnapshotMissing as exc:
            raise dg.Failure(description=str(exc), allow_retries=False) from None
        metadata = crawl_metadata(stats)
        if stats.get("status") == "failed":
            raise dg.Failure(
                description=f"crawl of {source} for {day} failed: "
                f"{stats.get('errors') or 'no response'}; it is retried, the other sources go on",
                metadata=metadata,
            )
        context.log.info(f"{source} {day}: {metadata['items']} items ({metadata['status']})")
        return dg.MaterializeResult(metadata=metadata)

    return landing


def build_landing_assets(
    retry_policy: dg.RetryPolicy = LANDING_RETRY_POLICY,
) -> list[dg.AssetsDefinition]:
    return [build_landing_asset(source, retry_policy) for source in CONTRACT_SOURCES]
