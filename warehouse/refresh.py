"""One refresh = one writer transaction: ingest -> extract -> load -> lifecycle -> dedupe -> views.

Either all of it lands or none of it does (the writer swaps the new file in only on
success), so a refresh can be re-run without fear after any failure or kill.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

from promptjobs.settings import Settings
from warehouse.dedupe import cluster_duplicates
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle
from warehouse.loads import (
    ExtractOutput,
    ingest_landing,
    load_extraction_batches,
    load_taxonomy,
    pending_tables,
    update_companies,
)
from warehouse.sqlfiles import sql_text
from warehouse.stats import compute_skill_pay_premium
from warehouse.store import Warehouse
from warehouse.views import create_views

# The extractor a refresh calls: pages of extract input records as Arrow tables (one row
# per record, docs/architecture.md section 2) in, in order; batches of output records
# out, each an Arrow table (the fast path) or a list of record dicts.
BatchExtract = Callable[[Iterable[pa.Table]], Iterator[ExtractOutput]]
RecordExtract = Callable[[Iterable[dict]], Iterator[dict]]


# Pages of pending records: 20k rows per query (5k pages cost 0.7 s more at 1M postings);
# progress is still reported every 5k extracted.
PROGRESS_EVERY = 5000


def per_record(extract: RecordExtract) -> BatchExtract:
    """A record-in, record-out extractor as a BatchExtract (records made in this process)."""

    def extract_batches(tables: Iterable[pa.Table]) -> Iterator[ExtractOutput]:
        for table in tables:
            yield list(extract(table.to_pylist()))

    return extract_batches


@dataclass
class RefreshSummary:
    """What one refresh did; `as_dict()` is what the CLI and Dagster print."""

    landing_files: int = 0
    raw_rows_read: int = 0
    raw_rows_invalid: int = 0
    raw_rows_new: int = 0
    sightings: int = 0
    crawl_runs: int = 0
    extracted: int = 0
    postings_total: int = 0
    new_postings: int = 0
    open_postings: int = 0
    closed_postings: int = 0
    newly_closed: int = 0
    reopened: int = 0
    clusters: int = 0
    canonical_jobs: int = 0
    companies: int = 0
    skills: int = 0
    pay_premium_skills: int = 0
    views: int = 0
    duration_s: float = 0.0
    skipped_files: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_refresh(
    settings: Settings,
    extract: BatchExtract,
    extractor_version: str,
    taxonomy: list[dict],
    progress: Callable[[str], None] | None = None,
    batch_size: int = 20_000,
    *,
    source_priority: Mapping[str, int],
) -> RefreshSummary:
    """Load what landed, extract what is new or changed, and rebuild history and views.
    `source_priority` is the dedupe rank of every source (the caller reads it from the
    sources' metadata: `scrapers.sources.dedupe_priorities()`)."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    summary = RefreshSummary()
    with Warehouse(settings).writer() as con:
        summary.skills = load_taxonomy(con, taxonomy)
        ingest = ingest_landing(con, settings.landing_dir)
        summary.landing_files = ingest.landing_files
        summary.raw_rows_read = ingest.rows_read
        summary.raw_rows_invalid = ingest.rows_invalid
        summary.raw_rows_new = ingest.raw_rows_new
        summary.sightings = ingest.sightings
        summary.crawl_runs = ingest.crawl_runs
        summary.skipped_files = ingest.skipped_files
        say(
            f"ingested {ingest.landing_files} landing file(s): {ingest.raw_rows_new} new raw "
            f"row(s), {ingest.rows_invalid} invalid"
        )
        for skipped in ingest.skipped_files:
            say(f"skipped {skipped}")

        before = con.sql(sql_text("postings_count")).fetchall()[0][0]
        # The lifecycle first, so the postings loaded next are inserted with theirs.
        changes = compute_lifecycle(con)

        def extracted_batches() -> Iterator[ExtractOutput]:
            # The pending set is a snapshot and the output is spooled until the end, so one
            # load call can consume the output while the extractor is still running.
            done = reported = 0
            for batch in extract(pending_tables(con, extractor_version, batch_size)):
                yield batch
                done += batch.num_rows if isinstance(batch, pa.Table) else len(batch)
                if done - reported >= PROGRESS_EVERY:
                    say(f"extracted {done} posting(s)")
                    reported = done
            if done != reported:
                say(f"extracted {done} posting(s)")

        summary.extracted = load_extraction_batches(con, extracted_batches(), extractor_version)
        summary.postings_total = con.sql(sql_text("postings_count")).fetchall()[0][0]
        summary.new_postings = summary.postings_total - before

        lifecycle = {**apply_lifecycle(con), **changes}
        summary.open_postings = lifecycle["open_postings"]
        summary.closed_postings = lifecycle["closed_postings"]
        summary.newly_closed = lifecycle["newly_closed"]
        summary.reopened = lifecycle["reopened"]
        say(f"lifecycle: {lifecycle['newly_closed']} closed, {lifecycle['reopened']} reopened")

        summary.clusters = cluster_duplicates(con, source_priority)
        summary.canonical_jobs = con.sql(sql_text("canonical_count")).fetchall()[0][0]
        say(f"dedupe: {summary.clusters} cross-source cluster(s)")
        summary.companies = update_companies(con)
        summary.views = len(create_views(con))
        summary.pay_premium_skills = compute_skill_pay_premium(con)
        say(f"views: {summary.views} created")
    summary.duration_s = round(time.perf_counter() - started, 3)
    return summary
