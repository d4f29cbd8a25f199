"""One refresh = one writer transaction, the only refresh path of the project.

The steps, in this order: taxonomy -> ingest -> taxonomy carry-over (postings a taxonomy
edit cannot change keep their extraction) -> lifecycle (computed) -> pending -> extract
-> load -> lifecycle (applied) -> dedupe -> companies -> boards (discovery: the registry,
the crawls, links in what landed, one probe per new candidate; when the caller gives a
`BoardDiscovery`) -> employer boilerplate (the employers whose postings moved) -> views
-> pay premium. The CLI (`promptjobs refresh`, `demo`) and the
Dagster warehouse asset both call `run_refresh` (through promptjobs.refresh.refresh_warehouse),
so there is one order and one writer (one copy of the database file) per refresh.

Either all of it lands or none of it does (the writer swaps the new file in only on
success), so a refresh can be re-run without fear after any failure or kill.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.boards import BoardDiscovery, discover_boards
from warehouse.boilerplate import update_employer_boilerplate
from warehouse.companies import update_companies
from warehouse.dedupe import cluster_duplicates
from warehouse.extraction_handoff import (
    WHOLE,
    ExtractOutput,
    Partition,
    carry_over_taxonomy,
    load_extraction_batches,
    pending_tables,
    previous_taxonomy,
)
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle
from warehouse.sqlfiles import sql_text
from warehouse.stats import compute_skill_pay_premium
from warehouse.store import Warehouse
from warehouse.taxonomy import load_taxonomy
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


class Extraction(NamedTuple):
    """What a refresh extracts with: the extractor, the version it records per posting,
    and the taxonomy loaded into `skills`. `transforms_extraction()` builds the real one."""

    extract: BatchExtract
    extractor_version: str
    taxonomy: list[dict[str, Any]]


def transforms_extraction(workers: int = 0, fx_csv_text: str | None = None) -> Extraction:
    """The real extractor (transforms/): N ordered worker processes, started once per
    refresh, taking and giving Arrow batches (the records are made and read back in the
    workers, not in the writer). Its version is content-hashed (transforms.version), so
    any change to the extraction code or its data files re-extracts what it extracted."""
    from transforms.parallel import extract_tables
    from transforms.taxonomy import load_taxonomy
    from transforms.version import extractor_version
    from warehouse.extraction_handoff import extract_output_arrow

    def extract(tables: Iterable[pa.Table]) -> Iterator[ExtractOutput]:
        return extract_tables(
            tables, extract_output_arrow, workers=workers, fx_csv_text=fx_csv_text
        )

    taxonomy = [dataclasses.asdict(skill) for skill in load_taxonomy()]
    return Extraction(extract, extractor_version(fx_csv_text), taxonomy)


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
    carried_over: int = 0  # kept their extraction through a taxonomy edit that cannot touch them
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
    boilerplate_employers: int = 0  # employers whose boilerplate sentences were recomputed
    boilerplate_sentences: int = 0  # employer boilerplate sentences kept in all
    pay_premium_skills: int = 0
    boards_scanned: int = 0
    boards_new_candidates: int = 0
    boards_checked: int = 0
    boards_checked_valid: int = 0
    views: int = 0
    duration_s: float = 0.0
    skipped_files: list[str] = field(default_factory=list)
    # What the extracted batches held, for Dagster's metadata (not in `as_dict`).
    extractor_version: str = field(default="", repr=False)
    extracted_with_salary: int = field(default=0, repr=False)
    extracted_roles: Counter[str] = field(default_factory=Counter, repr=False)
    view_names: list[str] = field(default_factory=list, repr=False)
    boards_by_status: dict[str, int] = field(default_factory=dict, repr=False)
    # Seconds per step of the refresh (and per view file), for benchmarks/warehouse.py.
    step_s: dict[str, float] = field(default_factory=dict, repr=False)
    view_s: dict[str, float] = field(default_factory=dict, repr=False)

    DETAILS = (
        "extractor_version",
        "extracted_with_salary",
        "extracted_roles",
        "view_names",
        "boards_by_status",
        "step_s",
        "view_s",
    )

    def as_dict(self) -> dict[str, Any]:
        """The counts the CLI prints."""
        return {k: v for k, v in asdict(self).items() if k not in self.DETAILS}


def _observe(summary: RefreshSummary, batch: ExtractOutput) -> int:
    """Count one extracted batch into the summary (rows, with salary, roles); its rows."""
    if isinstance(batch, pa.Table):
        if "salary" in batch.column_names:
            summary.extracted_with_salary += pc.sum(batch.column("salary").is_valid()).as_py() or 0
        if "role" in batch.column_names:
            for count in pc.value_counts(batch.column("role")).to_pylist():
                summary.extracted_roles[str(count["values"])] += count["counts"]
        return batch.num_rows
    summary.extracted_with_salary += sum(1 for r in batch if r.get("salary"))
    summary.extracted_roles.update(str(r.get("role")) for r in batch)
    return len(batch)


@contextmanager
def _step(summary: RefreshSummary, name: str) -> Iterator[None]:
    """Time one step of the refresh into `summary.step_s`."""
    started = time.perf_counter()
    try:
        yield
    finally:
        summary.step_s[name] = summary.step_s.get(name, 0.0) + time.perf_counter() - started


def _ingest_steps(
    con: duckdb.DuckDBPyConnection,
    summary: RefreshSummary,
    landing_dir: Path,
    extractor_version: str,
    taxonomy: list[dict],
    say: Callable[[str], None],
) -> None:
    """The refresh's first steps: taxonomy, ingest of what landed, taxonomy carry-over."""
    with _step(summary, "taxonomy"):
        read_with = previous_taxonomy(con)
        summary.skills = load_taxonomy(con, taxonomy)
    with _step(summary, "ingest"):
        ingest = ingest_landing(con, landing_dir)
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
    with _step(summary, "carry-over"):
        summary.carried_over = carry_over_taxonomy(con, extractor_version, read_with, taxonomy)
    if summary.carried_over:
        say(f"taxonomy edit: {summary.carried_over} posting(s) unaffected, not re-extracted")


def _extract_steps(
    con: duckdb.DuckDBPyConnection,
    summary: RefreshSummary,
    extract: BatchExtract,
    extractor_version: str,
    batch_size: int,
    say: Callable[[str], None],
    partition: Partition,
) -> None:
    """Pending (of `partition`), extract, load: after `compute_lifecycle`."""

    def extracted_batches() -> Iterator[ExtractOutput]:
        # The pending set is a snapshot and the output is spooled until the end, so one
        # load call can consume the output while the extractor is still running.
        done = reported = 0
        pages = pending_tables(con, extractor_version, batch_size, partition)
        for batch in extract(pages):
            done += _observe(summary, batch)
            yield batch
            if done - reported >= PROGRESS_EVERY:
                say(f"extracted {done} posting(s)")
                reported = done
        if done != reported:
            say(f"extracted {done} posting(s)")

    with _step(summary, "pending, extract, load"):
        summary.extracted = load_extraction_batches(
            con, extracted_batches(), extractor_version, partition
        )


def run_refresh(
    warehouse: Warehouse,
    landing_dir: Path,
    extract: BatchExtract,
    extractor_version: str,
    taxonomy: list[dict],
    progress: Callable[[str], None] | None = None,
    batch_size: int = 20_000,
    *,
    source_priority: Mapping[str, int],
    discovery: BoardDiscovery | None = None,
) -> RefreshSummary:
    """Load what landed in `landing_dir`, extract what is new or changed (not extracted by
    `extractor_version`), and rebuild history and views: one writer, one transaction.
    `source_priority` is the dedupe rank of every source (the caller reads it from the
    sources' metadata: `scrapers.sources.dedupe_priorities()`). With `discovery`, the
    board frame is updated in the same transaction (warehouse.boards.discover_boards)."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    writer_open = time.perf_counter()
    writer_close = [writer_open]

    def unit(con: duckdb.DuckDBPyConnection) -> RefreshSummary:
        # The whole refresh as one unit of work: on a DuckLake commit conflict the writer
        # runs it again from here on the new state (it loads only what is not loaded).
        summary = RefreshSummary(extractor_version=extractor_version)
        summary.step_s["writer open (copy, migrations)"] = time.perf_counter() - writer_open
        _ingest_steps(con, summary, landing_dir, extractor_version, taxonomy, say)
        before = con.sql(sql_text("postings_count")).fetchall()[0][0]
        # The lifecycle first, so the postings loaded next are inserted with theirs.
        with _step(summary, "lifecycle compute"):
            changes = compute_lifecycle(con)
        _extract_steps(con, summary, extract, extractor_version, batch_size, say, WHOLE)
        summary.postings_total = con.sql(sql_text("postings_count")).fetchall()[0][0]
        summary.new_postings = summary.postings_total - before

        with _step(summary, "lifecycle apply"):
            lifecycle = {**apply_lifecycle(con), **changes}
        summary.open_postings = lifecycle["open_postings"]
        summary.closed_postings = lifecycle["closed_postings"]
        summary.newly_closed = lifecycle["newly_closed"]
        summary.reopened = lifecycle["reopened"]
        say(f"lifecycle: {lifecycle['newly_closed']} closed, {lifecycle['reopened']} reopened")

        with _step(summary, "dedupe"):
            summary.clusters = cluster_duplicates(con, source_priority)
            summary.canonical_jobs = con.sql(sql_text("canonical_count")).fetchall()[0][0]
        say(f"dedupe: {summary.clusters} cross-source cluster(s)")
        if before and warehouse.kind == "file":
            # The lifecycle and dedupe updated rows of an existing warehouse: fold them in
            # now, so the steps below scan plain columns (the final checkpoint shrinks by
            # as much; on a first load it would only write everything twice). A file
            # target only: elsewhere the refresh is one open transaction.
            with _step(summary, "checkpoint after updates"):
                con.execute("checkpoint")
        with _step(summary, "companies"):
            summary.companies = update_companies(con)
        if discovery is not None:
            with _step(summary, "boards"):
                found = discover_boards(con, discovery, say)
            summary.boards_scanned = found["scanned"]
            summary.boards_new_candidates = found["new_candidates"]
            summary.boards_checked = found["checked"]
            summary.boards_checked_valid = found["checked_valid"]
            summary.boards_by_status = found["boards_by_status"]
        with _step(summary, "employer boilerplate"):
            boilerplate = update_employer_boilerplate(con)
        summary.boilerplate_employers = boilerplate.employers
        summary.boilerplate_sentences = boilerplate.sentences
        say(
            f"employer boilerplate: {boilerplate.employers} employer(s) computed, "
            f"{boilerplate.sentences} sentence(s) in all"
        )
        with _step(summary, "views"):
            summary.view_names = create_views(con, timings=summary.view_s)
            con.execute(sql_text("posting_changes_clear"))
        summary.views = len(summary.view_names)
        with _step(summary, "pay premium"):
            summary.pay_premium_skills = compute_skill_pay_premium(con)
        say(f"views: {summary.views} created")
        writer_close[0] = time.perf_counter()
        return summary

    summary = warehouse.write(unit, on_retry=say)
    summary.step_s["writer close (checkpoint, fsync, swap)"] = time.perf_counter() - writer_close[0]
    summary.duration_s = round(time.perf_counter() - started, 3)
    return summary


# --- a refresh with its extraction split over concurrent writers (DuckLake) ----------
# On a DuckLake with a Postgres catalog several writers commit concurrently, so the one
# costly step, extraction, can run as N partitions on N workers (pipelines/
# lake_partitions.py): `run_ingest`, then `run_extract_partition` for each partition at
# once, then `run_refresh`, which finds nothing left to ingest or extract and does the
# rest (lifecycle, dedupe, companies, views). The result equals one `run_refresh`: the
# lifecycle takes in every run not taken in yet (lifecycle_runs), whichever transaction
# ingested it, and extraction of a posting is the same whichever writer does it.


def run_ingest(
    warehouse: Warehouse,
    landing_dir: Path,
    extractor_version: str,
    taxonomy: list[dict],
    progress: Callable[[str], None] | None = None,
) -> RefreshSummary:
    """The refresh's first steps alone, in one writer: taxonomy, ingest, carry-over."""
    say = progress or (lambda _message: None)

    def unit(con: duckdb.DuckDBPyConnection) -> RefreshSummary:
        summary = RefreshSummary(extractor_version=extractor_version)
        _ingest_steps(con, summary, landing_dir, extractor_version, taxonomy, say)
        return summary

    return warehouse.write(unit, on_retry=say)


def run_extract_partition(
    warehouse: Warehouse,
    extract: BatchExtract,
    extractor_version: str,
    partition: Partition,
    progress: Callable[[str], None] | None = None,
    batch_size: int = 20_000,
) -> RefreshSummary:
    """Extract and load one partition of what is pending (after `run_ingest`), in its own
    writer: the postings it inserts take their lifecycle from `compute_lifecycle`, as in
    `run_refresh`. Partitions are disjoint, so concurrent ones insert different rows; a
    commit that conflicts (both replaced earlier extractions) runs again (Warehouse.write)."""
    say = progress or (lambda _message: None)
    if not 0 <= partition.index < partition.count:
        raise ValueError(f"partition {partition.index} of {partition.count} does not exist")

    def unit(con: duckdb.DuckDBPyConnection) -> RefreshSummary:
        summary = RefreshSummary(extractor_version=extractor_version)
        with _step(summary, "lifecycle compute"):
            compute_lifecycle(con)
        _extract_steps(con, summary, extract, extractor_version, batch_size, say, partition)
        return summary

    return warehouse.write(unit, on_retry=say, concurrent=True)
