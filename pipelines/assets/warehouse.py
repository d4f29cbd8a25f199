"""The warehouse refresh as one Dagster multi-asset over warehouse.refresh.run_refresh.

One step, one writer: the tables, the extraction, the lifecycle and dedupe columns, the
views and the pay-premium table are all written by one `run_refresh` call (the function
`promptjobs refresh` calls), so a run copies the database file once and runs the steps
in the one order of warehouse/refresh.py. Each table and view keeps its own asset (one
`AssetSpec` each) with its own metadata, so the UI shows what every step did. The step is
in the `warehouse` concurrency pool, so Dagster never starts two writers at once, and it
refreshes itself when new raw data lands (declarative automation).
"""

# No `from __future__ import annotations`: Dagster inspects the context annotation.

from collections.abc import Iterator
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
# The taxonomy and the extraction code change with the code, not with the data: a new
# code version (a digest of their files) makes them, and so the refresh, run again.
REFRESH_WHEN_CODE_CHANGES = (
    dg.AutomationCondition.on_missing()
    | dg.AutomationCondition.code_version_changed()
    | REFRESH_WHEN_UPSTREAM_UPDATES
)

INGESTED_TABLES = (
    "landing_files",
    "crawl_runs",
    "raw_postings",
    "posting_latest",
    "posting_sightings",
)
EXTRACTED_TABLES = (
    "postings",
    "posting_salaries",
    "posting_skills",
    "posting_countries",
    "extraction_runs",
)
PAY_PREMIUM = "skill_pay_premium_stats"
# The board frame (migration 005): written by the refresh's board discovery step (and by
# `promptjobs boards discover`); the views read it.
BOARD_TABLES = ("boards", "board_links", "boards_scanned")
# What the dedupe keeps between refreshes to match only the blocks that changed (migration
# 010, warehouse.dedupe), and the fingerprints of steps a refresh skips when their inputs
# did not change (the pay premium).
DEDUPE_STATE_TABLES = ("dedupe_titles", "dedupe_postings", "dedupe_pairs", "dedupe_members")
# The employers' repeated sentences and what that step read (migration 013,
# warehouse.boilerplate); the step also flags posting_skills rows the views leave out.
BOILERPLATE_TABLES = ("employer_boilerplate", "boilerplate_postings")
# The change record (migration 016): the postings each step wrote, read by the views and
# the boilerplate step and emptied after the views.
CHANGE_RECORD = "posting_changes"
# The tables of the data model (docs/data-model.md) the refresh writes.
KNOWN_TABLES = (
    *INGESTED_TABLES,
    *EXTRACTED_TABLES,
    "skills",
    "companies",
    "lifecycle_runs",
    *DEDUPE_STATE_TABLES,
    "step_fingerprints",
    *BOARD_TABLES,
    *BOILERPLATE_TABLES,
    CHANGE_RECORD,
    PAY_PREMIUM,
)

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
    "posting_countries": "Every country a posting's location names (ISO alpha-2), in order.",
    "extraction_runs": "One row per extraction run and extractor version.",
    "dedupe_titles": "Dedupe state: each candidate posting's normalised title.",
    "dedupe_postings": "Dedupe state: a date-free hash per candidate posting (what matching reads).",
    "dedupe_pairs": "Dedupe state: candidate pairs whose title and place match, with their gap in days.",
    "dedupe_members": "Dedupe state: the clusters as last computed, per posting.",
    "step_fingerprints": "The input fingerprint each skippable step (the pay premium) last ran on.",
    "lifecycle_runs": "The crawl runs whose sightings the postings' lifecycle has taken in.",
    "companies": "Employers: normalised company key, postings, open postings, sources.",
    PAY_PREMIUM: "Median pay with and without each skill, uplift and interval.",
    "boards": "Every ATS board the program knows (registry and discovered), its status and "
    "last crawl: the sampling frame.",
    "board_links": "Which landed posting linked which ATS board (the boards' found_count).",
    "boards_scanned": "The landing files board discovery has read (each scanned once).",
    "employer_boilerplate": "Per employer, the sentences on most of its postings of several "
    "titles: skills named only there are the employer's, not the job's (not counted).",
    "boilerplate_postings": "Employer boilerplate state: what was read of each posting.",
    CHANGE_RECORD: "The postings each step of a refresh wrote (extraction, lifecycle, dedupe, "
    "boilerplate flags), read by the views and the boilerplate step; empty between refreshes.",
}

# crawl_runs gains rows after every crawl, so its age is the age of the newest crawl.
FRESHNESS_POLICIES = {
    "crawl_runs": dg.FreshnessPolicy.time_window(
        fail_window=timedelta(hours=72), warn_window=timedelta(hours=36)
    ),
}
# Columns the lifecycle and dedupe steps fill in on `postings`.
_POSTINGS_DERIVED = (table_key("posting_lifecycle"), table_key("duplicate_clusters"))


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
    import hashlib
    from importlib import resources

    from transforms.taxonomy import TAXONOMY_FILE

    try:
        data = resources.files("transforms").joinpath("data", TAXONOMY_FILE).read_bytes()
    except OSError:
        return None
    return hashlib.sha256(data).hexdigest()[:12]


def extraction_code_version() -> str:
    """The digest of the extraction code and data (the content part of the extractor
    version each posting records): the extracted_postings asset's code version."""
    from transforms.version import content_digest

    return content_digest()


# --- lineage of the views (parsed by warehouse.views with sqlglot) ---------------------
def relation_keys(names: frozenset[str], views: set[str]) -> list[dg.AssetKey]:
    """Asset keys of the relations a view or query reads: views, tables; a read of
    `postings` also depends on the steps that fill its lifecycle and dedupe columns."""
    keys = {view_key(n) if n in views else table_key(n) for n in names}
    if "postings" in names:
        keys |= set(_POSTINGS_DERIVED)
    return sorted(keys, key=lambda k: k.to_user_string()) or [table_key("postings")]


def view_dependencies(directory: Path | None = None) -> dict[str, list[dg.AssetKey]]:
    """Each view's upstream assets, in creation order."""
    from warehouse.views import view_lineage, view_statements

    lineage = view_lineage(view_statements(directory))
    return {name: relation_keys(reads, set(lineage)) for name, reads in lineage.items()}


def pay_premium_dependencies(views: set[str]) -> list[dg.AssetKey]:
    """What `warehouse.stats.compute_skill_pay_premium` reads (its input query)."""
    from warehouse.sqlfiles import sql_text
    from warehouse.views import query_relations

    return relation_keys(query_relations(sql_text("pay_premium_inputs")), views)


# --- the specs, in the order run_refresh writes them ---------------------------------
def _table_spec(table: str, deps: list[dg.AssetKey], **extra: Any) -> dg.AssetSpec:
    return dg.AssetSpec(
        table_key(table),
        group_name="warehouse",
        description=TABLE_DESCRIPTIONS.get(table, f"The {table} table."),
        deps=deps,
        kinds={"duckdb", "table"},
        automation_condition=extra.pop("automation_condition", REFRESH_WHEN_UPSTREAM_UPDATES),
        freshness_policy=FRESHNESS_POLICIES.get(table),
        **extra,
    )


def refresh_specs(
    view_deps: dict[str, list[dg.AssetKey]], premium_deps: list[dg.AssetKey]
) -> list[dg.AssetSpec]:
    landing = [landing_key(source) for source in CONTRACT_SOURCES]
    specs = [
        _table_spec(
            "skills",
            [SKILL_TAXONOMY],
            code_version=taxonomy_version(),
            automation_condition=REFRESH_WHEN_CODE_CHANGES,
        ),
        *[_table_spec(table, landing) for table in INGESTED_TABLES],
        dg.AssetSpec(
            EXTRACTED_POSTINGS,
            group_name="transforms",
            description="Role, seniority, remote, location, pay and skills extracted "
            "(transforms.extract) from every raw posting not yet extracted by the current "
            "extractor version (EXTRACTOR_VERSION + a digest of the extraction code and "
            "data); stored as the postings/posting_salaries/posting_skills rows.",
            deps=[table_key("raw_postings"), table_key("skills")],
            kinds={"spacy", "polars"},
            code_version=extraction_code_version(),
            automation_condition=REFRESH_WHEN_CODE_CHANGES,
        ),
        *[_table_spec(table, [EXTRACTED_POSTINGS]) for table in EXTRACTED_TABLES],
        dg.AssetSpec(
            table_key("posting_lifecycle"),
            group_name="warehouse",
            description="first_seen / last_seen / closed_at of every posting "
            "(warehouse.lifecycle); a posting closes only when a complete crawl of its "
            "board no longer lists it.",
            deps=[table_key("postings"), table_key("posting_sightings"), table_key("crawl_runs")],
            kinds={"duckdb"},
            automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        ),
        _table_spec("lifecycle_runs", [table_key("posting_lifecycle")]),
        dg.AssetSpec(
            table_key("duplicate_clusters"),
            group_name="warehouse",
            description="canonical_posting_id of every posting: the same job cross-posted on "
            "several sources counts once (warehouse.dedupe.cluster_duplicates).",
            deps=[table_key("posting_lifecycle")],
            kinds={"duckdb"},
            automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
        ),
        *[_table_spec(t, [table_key("duplicate_clusters")]) for t in DEDUPE_STATE_TABLES],
        _table_spec("companies", [table_key("duplicate_clusters")]),
        # Board discovery: the registry, the crawls and the links in what landed.
        *[
            _table_spec(table, [table_key("raw_postings"), table_key("crawl_runs")])
            for table in BOARD_TABLES
        ],
        *[
            _table_spec(table, [table_key("postings"), table_key("posting_skills")])
            for table in BOILERPLATE_TABLES
        ],
        _table_spec(
            CHANGE_RECORD, [table_key("duplicate_clusters"), table_key("employer_boilerplate")]
        ),
    ]
    # The premium table is computed from views and read by a view: Dagster wants a
    # multi-asset's results in dependency order, so it goes before its first reader.
    premium = _table_spec(PAY_PREMIUM, premium_deps)
    for name, deps in view_deps.items():
        if premium is not None and table_key(PAY_PREMIUM) in deps:
            specs.append(premium)
            premium = None
        specs.append(
            dg.AssetSpec(
                view_key(name),
                group_name="warehouse",
                description=f"View `{name}` (warehouse/views); the report reads only views.",
                deps=deps,
                kinds={"duckdb", "view"},
                automation_condition=REFRESH_WHEN_UPSTREAM_UPDATES,
            )
        )
    if premium is not None:
        specs.append(premium)
    # After the premium it fingerprints (results go in dependency order).
    specs.append(_table_spec("step_fingerprints", [table_key(PAY_PREMIUM)]))
    return specs


# --- metadata of one refresh, per asset (also what a CLI refresh records) -------------
def refresh_metadata(
    summary: Any, con: Any, specs: list[dg.AssetSpec]
) -> Iterator[tuple[dg.AssetKey, dict[str, Any]]]:
    """(asset key, metadata) of every spec, in spec order, from a `RefreshSummary` and a
    reader on the refreshed warehouse."""
    by_key = _metadata_by_key(summary, con)
    for spec in specs:
        if spec.key in by_key:
            yield spec.key, by_key[spec.key]
        else:  # a view
            yield spec.key, {"dagster/row_count": row_count(con, spec.key.path[-1])}


def _metadata_by_key(summary: Any, con: Any) -> dict[dg.AssetKey, dict[str, Any]]:
    counts = {t: row_count(con, t) for t in (*INGESTED_TABLES, *EXTRACTED_TABLES)}
    _, families = run_query(con, "skills_by_family")
    crawl_columns, last_runs = run_query(con, "latest_crawl_runs")
    stats_columns, stats_rows = run_query(con, "posting_stats")
    stats = dict(zip(stats_columns, stats_rows[0], strict=True))
    by_source = run_query(con, "postings_by_source")
    canonical_columns, canonical_rows = run_query(con, "canonical_jobs")
    canonical = dict(zip(canonical_columns, canonical_rows[0], strict=True))
    extracted = summary.extracted
    roles = summary.extracted_roles
    return {
        table_key("skills"): {
            "dagster/row_count": summary.skills,
            "preview": dg.MetadataValue.md(
                markdown_table(["family", "skills"], families, limit=20)
            ),
        },
        table_key("landing_files"): {
            "dagster/row_count": counts["landing_files"],
            "new": summary.landing_files,
        },
        table_key("crawl_runs"): {
            "dagster/row_count": counts["crawl_runs"],
            "new": summary.crawl_runs,
            "preview": dg.MetadataValue.md(
                markdown_table(crawl_columns, last_runs, limit=len(CONTRACT_SOURCES))
            ),
        },
        table_key("raw_postings"): {
            "dagster/row_count": counts["raw_postings"],
            "new_versions": summary.raw_rows_new,
            "rows_read": summary.raw_rows_read,
            "rows_invalid": summary.raw_rows_invalid,
            "skipped_files": dg.MetadataValue.json(list(summary.skipped_files)),
        },
        table_key("posting_latest"): {"dagster/row_count": counts["posting_latest"]},
        table_key("posting_sightings"): {
            "dagster/row_count": counts["posting_sightings"],
            "new": summary.sightings,
        },
        EXTRACTED_POSTINGS: {
            "dagster/row_count": extracted,
            "extractor_version": summary.extractor_version,
            "salary_coverage": round(summary.extracted_with_salary / extracted, 4)
            if extracted
            else 0.0,
            "preview": dg.MetadataValue.md(
                markdown_table(["role", "postings"], roles.most_common(), limit=10)
            ),
        },
        table_key("postings"): {
            "dagster/row_count": counts["postings"],
            "new_postings": summary.new_postings,
        },
        **{
            table_key(t): {"dagster/row_count": counts[t]}
            for t in ("posting_salaries", "posting_skills", "posting_countries", "extraction_runs")
        },
        table_key("posting_lifecycle"): {
            "dagster/row_count": int(stats["postings"]),
            "open_postings": int(summary.open_postings),
            "closed_postings": int(summary.closed_postings),
            "newly_closed": int(summary.newly_closed),
            "reopened": int(summary.reopened),
            "salary_coverage": round(float(stats["salary_coverage"]), 4),
            "preview": dg.MetadataValue.md(markdown_table(*by_source, limit=20)),
        },
        table_key("duplicate_clusters"): {
            "dagster/row_count": int(canonical["postings"]),
            "cross_source_clusters": int(summary.clusters),
            "canonical_jobs": int(canonical["canonical_jobs"]),
            "postings_merged": int(canonical["postings"]) - int(canonical["canonical_jobs"]),
        },
        table_key("companies"): {"dagster/row_count": int(summary.companies)},
        table_key(PAY_PREMIUM): {"dagster/row_count": int(summary.pay_premium_skills)},
    }


def warehouse_specs(views_directory: Path | None = None) -> list[dg.AssetSpec]:
    """The specs of every table and view a refresh writes, in dependency order."""
    view_deps = view_dependencies(views_directory)
    return refresh_specs(view_deps, pay_premium_dependencies(set(view_deps)))


def build_warehouse_asset(views_directory: Path | None = None) -> dg.AssetsDefinition:
    """The `refresh_warehouse` multi-asset: every table and view of the warehouse."""
    specs = warehouse_specs(views_directory)

    @dg.multi_asset(
        name="refresh_warehouse",
        specs=specs,
        pool=WAREHOUSE_POOL,
        op_tags=WRITER_OP_TAGS,
        description="One warehouse refresh (warehouse.refresh.run_refresh) in one writer: "
        "taxonomy, ingest, extract + load, lifecycle, dedupe, companies, board discovery, "
        "views, pay premium.",
    )
    def refresh_warehouse(
        context: AssetExecutionContext, warehouse: WarehouseResource
    ) -> Iterator[dg.MaterializeResult]:
        summary = warehouse.refresh(progress=context.log.info)
        for skipped in summary.skipped_files:
            context.log.warning(f"landing file skipped: {skipped}")
        with warehouse.reader() as con:
            results = list(refresh_metadata(summary, con, specs))
        for key, metadata in results:
            yield dg.MaterializeResult(asset_key=key, metadata=metadata)

    return refresh_warehouse
