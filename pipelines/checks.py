"""Asset checks: data quality the UI shows next to each asset, read through Warehouse.reader()."""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import dagster as dg
from dagster import AssetCheckExecutionContext

from pipelines.keys import REPORT, table_key
from pipelines.partitions import CONTRACT_SOURCES
from pipelines.queries import markdown_table, run_query
from pipelines.resources import WarehouseResource

# Annual base pay outside this band is a unit or FX mistake (an hourly rate read as
# yearly, cents as dollars), not a real prompt-engineering salary.
PLAUSIBLE_ANNUAL_USD = (10_000.0, 2_000_000.0)
FRESHNESS_LIMIT = timedelta(hours=36)
# A table losing more than half its rows since the previous run means lost data.
MAX_ROW_COUNT_DROP = 0.5
ROW_COUNT_TABLES = ("raw_postings", "postings", "posting_skills")


def _violations(
    warehouse: WarehouseResource, query: str, what: str, params: dict[str, Any] | None = None
) -> dg.AssetCheckResult:
    """Pass when `query` returns no rows; otherwise fail and show the first rows."""
    with warehouse.reader() as con:
        columns, rows = run_query(con, query, params)
    return dg.AssetCheckResult(
        passed=not rows,
        description=f"{len(rows)} {what}" if rows else f"no {what}",
        metadata={
            "violations": len(rows),
            "examples": dg.MetadataValue.md(markdown_table(columns, rows)),
        },
    )


@dg.asset_check(
    asset=table_key("postings"),
    description="Every salary range has min ≤ max (postings and posting_salaries, "
    "native and annualised USD).",
)
def salary_min_not_above_max(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _violations(warehouse, "salary_min_above_max", "salary ranges with min > max")


@dg.asset_check(
    asset=table_key("postings"),
    description=f"Annualised USD pay lies within ${PLAUSIBLE_ANNUAL_USD[0]:,.0f}–"
    f"${PLAUSIBLE_ANNUAL_USD[1]:,.0f}.",
)
def annual_usd_plausible(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    low, high = PLAUSIBLE_ANNUAL_USD
    return _violations(
        warehouse,
        "annual_usd_out_of_range",
        "postings with implausible annual USD pay",
        {"low": low, "high": high},
    )


@dg.asset_check(
    asset=table_key("postings"),
    blocking=True,
    description="No (source, source_id) appears twice in postings; blocks the downstream "
    "assets of the same run, since every count would be inflated.",
)
def unique_source_ids(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _violations(warehouse, "duplicate_source_ids", "duplicated (source, source_id) pairs")


@dg.asset_check(
    asset=table_key("posting_skills"),
    additional_deps=[table_key("skills")],
    description="Every skill_id in posting_skills exists in skills.",
)
def skill_ids_known(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return _violations(warehouse, "unknown_skill_ids", "unknown skill ids in posting_skills")


def freshness(source: str, finished: datetime | None, runs: int) -> dg.AssetCheckResult:
    """A warning unless the last crawl of `source` that did not fail is recent enough."""
    name = f"{source}_crawled_recently"
    if finished is None:
        return dg.AssetCheckResult(
            check_name=name,
            asset_key=table_key("crawl_runs"),
            passed=False,
            severity=dg.AssetCheckSeverity.WARN,
            description=f"no successful {source} crawl in the warehouse",
            metadata={"runs": int(runs or 0)},
        )
    age = datetime.now(UTC).replace(tzinfo=None) - finished
    return dg.AssetCheckResult(
        check_name=name,
        asset_key=table_key("crawl_runs"),
        passed=age <= FRESHNESS_LIMIT,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"last good {source} crawl finished {age.total_seconds() / 3600:.1f} h ago",
        metadata={
            "last_good_crawl": finished.isoformat(sep=" ", timespec="seconds"),
            "age_hours": round(age.total_seconds() / 3600, 2),
            "runs": int(runs),
        },
    )


def build_freshness_checks(sources: Sequence[str]) -> dg.AssetChecksDefinition:
    """One check per source on crawl_runs, evaluated together in one step."""
    limit_hours = FRESHNESS_LIMIT.total_seconds() / 3600

    @dg.multi_asset_check(
        name="crawl_freshness",
        specs=[
            dg.AssetCheckSpec(
                f"{source}_crawled_recently",
                asset=table_key("crawl_runs"),
                description=f"The last {source} crawl that did not fail finished within "
                f"{limit_hours:.0f} h (a warning, not an error).",
            )
            for source in sources
        ],
    )
    def crawl_freshness(warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
        with warehouse.reader() as con:
            for source in sources:
                _, rows = run_query(con, "last_good_crawl", {"source": source})
                finished, runs = rows[0] if rows else (None, 0)
                yield freshness(source, finished, runs)

    return crawl_freshness


def row_count_of(record: Any) -> int | None:
    value = record.asset_materialization.metadata.get("dagster/row_count")
    raw = getattr(value, "value", value)
    return int(raw) if isinstance(raw, (int, float)) else None


def build_row_count_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table_key(table),
        name="row_count_not_collapsed",
        description=f"{table} did not lose more than {MAX_ROW_COUNT_DROP:.0%} of its rows "
        "against the previous materialisation.",
    )
    def row_count_not_collapsed(context: AssetCheckExecutionContext) -> dg.AssetCheckResult:
        records = context.instance.fetch_materializations(table_key(table), limit=2).records
        counts = [row_count_of(r) for r in records]
        if len(counts) < 2 or counts[0] is None or counts[1] is None:
            return dg.AssetCheckResult(
                passed=True,
                description="no previous run to compare with",
                metadata={"row_count": counts[0] if counts else None},
            )
        current, previous = counts[0], counts[1]
        dropped = (previous - current) / previous if previous else 0.0
        return dg.AssetCheckResult(
            passed=dropped <= MAX_ROW_COUNT_DROP,
            description=f"{table}: {previous} -> {current} rows",
            metadata={
                "row_count": current,
                "previous_row_count": previous,
                "drop": round(max(dropped, 0.0), 4),
            },
        )

    return row_count_not_collapsed


@dg.asset_check(asset=REPORT, description="The report's index.html exists and is not empty.")
def report_written(context: AssetCheckExecutionContext) -> dg.AssetCheckResult:
    from pathlib import Path

    event = context.instance.get_latest_materialization_event(REPORT)
    entry = event.asset_materialization.metadata.get("report_path") if event else None
    path = Path(str(getattr(entry, "value", entry or "")))
    size = path.stat().st_size if entry and path.is_file() else 0
    return dg.AssetCheckResult(
        passed=size > 0,
        description=f"{path} ({size} bytes)" if entry else "no report materialised yet",
        metadata={"bytes": size},
    )


def build_checks(sources: Sequence[str] = CONTRACT_SOURCES) -> list[dg.AssetChecksDefinition]:
    return [
        salary_min_not_above_max,
        annual_usd_plausible,
        unique_source_ids,
        skill_ids_known,
        build_freshness_checks(sources),
        *[build_row_count_check(table) for table in ROW_COUNT_TABLES],
        report_written,
    ]
