"""The warehouse tables, the extraction step and the views, as thin assets over warehouse/.

Every asset that writes does so inside one `Warehouse.writer()` transaction (single-writer
lock, atomic file swap) and is in the `warehouse` concurrency pool, so Dagster never
starts two writers at once. Everything downstream of the landing assets refreshes
itself when new raw data lands (declarative automation).
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.keys import (
    EXTRACTED_POSTINGS,
    SKILL_TAXONOMY,
    landing_key,
    table_key,
    view_key,
)
from pipelines.partitions import CONTRACT_SOURCES
from pipelines.queries import markdown_table, row_count, run_query
from pipelines.resources import WarehouseResource

WAREHOUSE_POOL = "warehouse"
# Inside one run the executor lets one step with this tag run at a time (definitions.py),
# whatever the instance's pool limits are.
WRITER_OP_TAGS = {"promptjobs/writer": "warehouse"}

# Refresh when any upstream updated, wait while one is in progress, and do not wait
# for landing partitions that were never crawled (most past days never are).
REFRESH_WHEN_UPSTREAM_UPDATES = (
    dg.AutomationCondition.eager()
    .without(~dg.AutomationCondition.any_deps_missing())
    .with_label("eager_allow_missing")
)

INGESTED_TABLES = (
    "landing_files",
    "crawl_runs",
    "raw_postings",
    "posting_latest",
    "posting_sightings",
)
EXTRACTED_TABLES = ("postings", "posting_salaries", "posting_skills", "extraction_runs")

TABLE_DESCRIPTIONS: dict[str, str] = {
    "landing_files": "Every landing file loaded, once each, with its row counts.",
    "crawl_runs": "One row per crawl run (source, day): status, items, boards ok/not found/failed.",
    "raw_postings": "Every distinct content version of every posting, as landed.",
    "posting_latest": "The latest raw content version of every posting (what extraction reads).",
    "posting_sightings": "Every time a crawl saw a posting: drives first_seen/last_seen/closed_at.",
    "skills": "The skills taxonomy (id, name, category, family, aliases) from transforms/.",
    "postings": "One row per posting (source:source_id), latest extraction: role, seniority, "
    "remote, location, pay, lifecycle dates, canonical_posting_id.",
    "posting_salaries": "Every pay range of a posting (zones, currencies), annualised to USD.",
    "posting_skills": "The skills found in each posting, with the evidence text.",
    "extraction_runs": "One row per extraction run and extractor version.",
    "companies": "Employers: normalised company key, postings, open postings, sources.",
    "skill_pay_premium_stats": "Median pay with and without each skill, uplift and interval.",
}


# crawl_runs gains rows after every crawl, so its age is the age of the newest crawl.
FRESHNESS_POLICIES = {
    "crawl_runs": dg.FreshnessPolicy.time_window(
        fail_window=timedelta(hours=72), warn_window=timedelta(hours=36)
    ),
}


def _table_spec(table: str, deps: list[dg.AssetKey]) -> dg.AssetSpec:
    return dg.AssetSpec(
        table_key(table),
        group_name="warehouse",
        description=TABLE_DESCRIPTIONS.get(table, f"The {table} table."),
        deps=deps,
        kinds={"duckdb", "table"},
        automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        skippable=True,
        freshness_policy=FRESHNESS_POLICIES.get(table),
    )


def _counts(con: Any, tables: tuple[str, ...]) -> dict[str, int]:
    return {table: row_count(con, table) for table in tables}


def _table_result(table: str, rows: int, **extra: Any) -> dg.MaterializeResult:
    return dg.MaterializeResult(
        asset_key=table_key(table), metadata={"dagster/row_count": rows, **extra}
    )


skill_taxonomy = dg.AssetSpec(
    SKILL_TAXONOMY,
    group_name="transforms",
    description="The packaged skills taxonomy (transforms/data/skills.tsv): ids, families, "
    "aliases. Changes with the code, not with the data.",
    kinds={"tsv"},
)


def taxonomy_version() -> str | None:
    """A digest of the packaged taxonomy file: the `skills` asset's code version, so an
    edited taxonomy marks the table stale and reloads it."""
    from importlib import resources

    from transforms.taxonomy import TAXONOMY_FILE

    try:
        data = resources.files("transforms").joinpath("data", TAXONOMY_FILE).read_bytes()
    except OSError:
        return None
    return hashlib.sha256(data).hexdigest()[:12]


@dg.asset(
    key=table_key("skills"),
    deps=[SKILL_TAXONOMY],
    group_name="warehouse",
    description=TABLE_DESCRIPTIONS["skills"],
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    kinds={"duckdb", "table"},
    code_version=taxonomy_version(),
    automation_condition=dg.AutomationCondition.on_missing()
    | dg.AutomationCondition.code_version_changed()
    | REFRESH_WHEN_UPSTREAM_UPDATES,
)
def skills(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from transforms.taxonomy import load_taxonomy
    from warehouse.loads import load_taxonomy as load_skills

    taxonomy = load_taxonomy()
    with warehouse.writer() as con:
        loaded = load_skills(con, taxonomy)
    families = Counter(str(skill.family) for skill in taxonomy)
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": loaded,
            "preview": dg.MetadataValue.md(
                markdown_table(["family", "skills"], sorted(families.items()), limit=20)
            ),
        }
    )


@dg.multi_asset(
    name="ingest_landing",
    specs=[
        _table_spec(table, [landing_key(source) for source in CONTRACT_SOURCES])
        for table in INGESTED_TABLES
    ],
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    description="Load every complete landing file not loaded yet (warehouse.loads.ingest_landing).",
)
def ingest_landing(
    context: AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    from warehouse.loads import ingest_landing as ingest

    settings = warehouse.settings()
    with warehouse.writer() as con:
        result = ingest(con, settings.landing_dir)
        counts = _counts(con, INGESTED_TABLES)
        columns, last_runs = run_query(con, "latest_crawl_runs")
    for skipped in result.skipped_files:
        context.log.warning(f"landing file skipped: {skipped}")
    yield _table_result("landing_files", counts["landing_files"], new=result.landing_files)
    yield _table_result(
        "crawl_runs",
        counts["crawl_runs"],
        new=result.crawl_runs,
        preview=dg.MetadataValue.md(
            markdown_table(columns, last_runs, limit=len(CONTRACT_SOURCES))
        ),
    )
    yield _table_result(
        "raw_postings",
        counts["raw_postings"],
        new_versions=result.raw_rows_new,
        rows_read=result.rows_read,
        rows_invalid=result.rows_invalid,
        skipped_files=dg.MetadataValue.json(list(result.skipped_files)),
    )
    yield _table_result("posting_latest", counts["posting_latest"])
    yield _table_result("posting_sightings", counts["posting_sightings"], new=result.sightings)


@dg.multi_asset(
    name="extract_postings",
    specs=[
        dg.AssetSpec(
            EXTRACTED_POSTINGS,
            group_name="transforms",
            description="Role, seniority, remote, location, pay and skills extracted "
            "(transforms.extract) from every raw posting not yet extracted by the current "
            "extractor version; stored as the postings/posting_salaries/posting_skills rows.",
            deps=[table_key("raw_postings"), table_key("skills")],
            kinds={"spacy", "polars"},
            automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
            skippable=True,
        ),
        *[_table_spec(table, [EXTRACTED_POSTINGS]) for table in EXTRACTED_TABLES],
    ],
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    description="Extract what is new or changed and upsert it (warehouse.loads.load_extractions).",
)
def extract_postings(
    context: AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult]:
    import pyarrow as pa
    import pyarrow.compute as pc

    from promptjobs.refresh import extraction_function
    from transforms.extract import EXTRACTOR_VERSION
    from warehouse.loads import load_extraction_batches, pending_tables

    settings = warehouse.settings()
    extract = extraction_function(settings)
    extracted = with_salary = 0
    roles: Counter[str] = Counter()

    def observed(batches: Iterable[Any]) -> Iterator[Any]:
        # Counts for the asset's metadata, taken from the batches on their way to the load.
        nonlocal extracted, with_salary
        for batch in batches:
            if isinstance(batch, pa.Table):
                extracted += batch.num_rows
                with_salary += pc.sum(batch.column("salary").is_valid()).as_py() or 0
                for count in pc.value_counts(batch.column("role")).to_pylist():
                    roles[str(count["values"])] += count["counts"]
            else:
                extracted += len(batch)
                with_salary += sum(1 for r in batch if r.get("salary"))
                roles.update(str(r.get("role")) for r in batch)
            yield batch

    with warehouse.writer() as con:
        postings_before = row_count(con, "postings")
        pages = pending_tables(con, EXTRACTOR_VERSION)
        load_extraction_batches(con, observed(extract(pages)), EXTRACTOR_VERSION)
        context.log.info(f"extracted {extracted} postings")
        counts = _counts(con, EXTRACTED_TABLES)
    yield dg.MaterializeResult(
        asset_key=EXTRACTED_POSTINGS,
        metadata={
            "dagster/row_count": extracted,
            "extractor_version": EXTRACTOR_VERSION,
            "salary_coverage": round(with_salary / extracted, 4) if extracted else 0.0,
            "preview": dg.MetadataValue.md(
                markdown_table(["role", "postings"], roles.most_common(), limit=10)
            ),
        },
    )
    yield _table_result(
        "postings", counts["postings"], new_postings=counts["postings"] - postings_before
    )
    for table in EXTRACTED_TABLES[1:]:
        yield _table_result(table, counts[table])


@dg.asset(
    key=table_key("posting_lifecycle"),
    deps=[table_key("postings"), table_key("posting_sightings"), table_key("crawl_runs")],
    group_name="warehouse",
    description="first_seen / last_seen / closed_at of every posting "
    "(warehouse.lifecycle.update_lifecycle); a posting closes only when a complete crawl "
    "of its board no longer lists it.",
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    kinds={"duckdb"},
    automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
)
def posting_lifecycle(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from warehouse.lifecycle import update_lifecycle

    with warehouse.writer() as con:
        changes = update_lifecycle(con)
        columns, rows = run_query(con, "posting_stats")
        by_source = run_query(con, "postings_by_source")
    stats = dict(zip(columns, rows[0], strict=True))
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": int(changes["postings"]),
            "open_postings": int(changes["open_postings"]),
            "closed_postings": int(changes["closed_postings"]),
            "newly_closed": int(changes["newly_closed"]),
            "reopened": int(changes["reopened"]),
            "salary_coverage": round(float(stats["salary_coverage"]), 4),
            "preview": dg.MetadataValue.md(markdown_table(*by_source, limit=20)),
        }
    )


@dg.asset(
    key=table_key("duplicate_clusters"),
    deps=[table_key("posting_lifecycle")],
    group_name="warehouse",
    description="canonical_posting_id of every posting: the same job cross-posted on "
    "several sources counts once (warehouse.dedupe.cluster_duplicates).",
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    kinds={"duckdb"},
    automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
)
def duplicate_clusters(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from scrapers.sources import dedupe_priorities
    from warehouse.dedupe import cluster_duplicates

    with warehouse.writer() as con:
        # The edge reads the sources' metadata; the warehouse room takes plain values.
        clusters = cluster_duplicates(con, dedupe_priorities())
        columns, rows = run_query(con, "canonical_jobs")
    stats = dict(zip(columns, rows[0], strict=True))
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": int(stats["postings"]),
            "cross_source_clusters": int(clusters),
            "canonical_jobs": int(stats["canonical_jobs"]),
            "postings_merged": int(stats["postings"]) - int(stats["canonical_jobs"]),
        }
    )


@dg.asset(
    key=table_key("companies"),
    deps=[table_key("duplicate_clusters")],
    group_name="warehouse",
    description=TABLE_DESCRIPTIONS["companies"],
    pool=WAREHOUSE_POOL,
    op_tags=WRITER_OP_TAGS,
    kinds={"duckdb", "table"},
    automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
)
def companies(warehouse: WarehouseResource) -> dg.MaterializeResult:
    from warehouse.loads import update_companies

    with warehouse.writer() as con:
        count = update_companies(con)
    return dg.MaterializeResult(metadata={"dagster/row_count": int(count)})


# --- views -------------------------------------------------------------------------
_CREATE = re.compile(
    r"create\s+(?:or\s+replace\s+)?(view|table)\s+(?:if\s+not\s+exists\s+)?"
    r"([a-z_][a-z0-9_]*)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z_][a-z0-9_]*")
# A relation a statement reads: the name after FROM or JOIN.
_READS = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_]*)")
KNOWN_TABLES = (
    *INGESTED_TABLES,
    *EXTRACTED_TABLES,
    "skills",
    "companies",
    "skill_pay_premium_stats",
)
# Columns the lifecycle and dedupe steps fill in on `postings`.
_POSTINGS_DERIVED = (table_key("posting_lifecycle"), table_key("duplicate_clusters"))


PAY_PREMIUM = "skill_pay_premium_stats"


def warehouse_dir() -> Path:
    import warehouse

    return Path(warehouse.__file__).parent


def views_dir() -> Path:
    return warehouse_dir() / "views"


def pay_premium_dependencies(views: dict[str, str]) -> list[dg.AssetKey]:
    """The views `warehouse.stats.compute_skill_pay_premium` reads (its input query)."""
    inputs = warehouse_dir() / "sql" / "pay_premium_inputs.sql"
    words = set(_WORD.findall(inputs.read_text().lower())) if inputs.is_file() else set()
    return [view_key(v) for v in views if v in words] or [table_key("postings")]


def view_statements(directory: Path | None = None) -> list[tuple[str, str, str]]:
    """(kind, name, SQL body) of every `create [or replace] view|table` in warehouse/views,
    in creation order (file name, then position in the file). Tables made there are
    helpers the views read (materialised bases), not tables of the data model."""
    folder = directory or views_dir()
    statements: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.sql")) if folder.is_dir() else []:
        text = re.sub(r"--[^\n]*", " ", path.read_text(encoding="utf-8")).lower()
        found = list(_CREATE.finditer(text))
        for n, match in enumerate(found):
            end = found[n + 1].start() if n + 1 < len(found) else len(text)
            statements.append((match[1], match[2], text[match.end() : end]))
    return statements


def view_definitions(directory: Path | None = None) -> dict[str, str]:
    """{view name: SQL body} of every view of warehouse/views, in creation order."""
    return {name: body for kind, name, body in view_statements(directory) if kind == "view"}


def view_dependencies(
    statements: list[tuple[str, str, str]],
) -> dict[str, list[dg.AssetKey]]:
    """Each view's upstream: the views and tables its SQL reads (lineage for the UI).

    Only objects created before a view can be read by it; a helper table made in
    warehouse/views stands for what it reads.
    """
    deps: dict[str, list[dg.AssetKey]] = {}
    helpers: dict[str, set[dg.AssetKey]] = {}
    for kind, name, body in statements:
        words = set(_READS.findall(body))
        upstream = {view_key(v) for v in deps if v in words}
        for helper, helper_deps in helpers.items():
            if helper in words:
                upstream |= helper_deps
        upstream |= {table_key(t) for t in KNOWN_TABLES if t in words}
        if "postings" in words:
            upstream |= set(_POSTINGS_DERIVED)
        if kind == "table":
            helpers[name] = upstream
        else:
            deps[name] = sorted(upstream, key=lambda k: k.to_user_string()) or [
                table_key("postings")
            ]
    return deps


def build_views_asset(directory: Path | None = None) -> dg.AssetsDefinition:
    views = view_definitions(directory)
    deps = view_dependencies(view_statements(directory))
    specs = [
        dg.AssetSpec(
            view_key(name),
            group_name="warehouse",
            description=f"View `{name}` (warehouse/views); the report reads only views.",
            deps=deps[name],
            kinds={"duckdb", "view"},
            automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        )
        for name in views
    ]
    # Computed from the views, read by the skill_pay_premium view: same transaction.
    specs.append(
        dg.AssetSpec(
            table_key(PAY_PREMIUM),
            group_name="warehouse",
            description=TABLE_DESCRIPTIONS[PAY_PREMIUM],
            deps=pay_premium_dependencies(views),
            kinds={"duckdb", "table"},
            automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        )
    )

    @dg.multi_asset(
        name="create_views",
        specs=specs,
        pool=WAREHOUSE_POOL,
        op_tags=WRITER_OP_TAGS,
        description="Create or replace every view of warehouse/views (warehouse.views."
        "create_views), then recompute the skill pay premium (warehouse.stats).",
    )
    def create_views(warehouse: WarehouseResource) -> Iterator[dg.MaterializeResult]:
        from warehouse.stats import compute_skill_pay_premium
        from warehouse.views import create_views as create_all

        with warehouse.writer() as con:
            create_all(con)
            premium_skills = compute_skill_pay_premium(con)
            counts = {name: row_count(con, name) for name in views}
        # Dagster wants a multi-asset's results in dependency order: the premium table
        # after the views it reads, before the view that reads it.
        premium = _table_result(PAY_PREMIUM, int(premium_skills))
        premium_pending = True
        for name in views:
            if premium_pending and table_key(PAY_PREMIUM) in deps[name]:
                yield premium
                premium_pending = False
            yield dg.MaterializeResult(
                asset_key=view_key(name), metadata={"dagster/row_count": counts[name]}
            )
        if premium_pending:
            yield premium

    return create_views
