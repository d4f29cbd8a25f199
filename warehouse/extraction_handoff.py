"""The hand-off to and from extraction: pending extract input out of raw_postings (§2
input, in Arrow pages), extract output records in (spooled to Parquet, then merged into
postings, posting_salaries and posting_skills).

The Arrow schema of the output records is derived from the extraction record model
(`transforms.records.ExtractionRecord`), so the warehouse reads what the extractors write.
"""

from __future__ import annotations

import os
import tempfile
import types
import typing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from transforms.records import ExtractionRecord, SalaryRange
from transforms.taxonomy import changed_alias_keys, taxonomy_digest
from warehouse.bookkeeping import current_extraction_run, finish_extraction_run
from warehouse.prefetch import Prefetch
from warehouse.sqlfiles import sql_text


# --- a taxonomy edit re-extracts only the postings it can change -----------------------
def previous_taxonomy(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The `skills` table as it is before this refresh replaces it: the taxonomy every
    posting of the last refresh was extracted with."""
    cursor = con.execute(sql_text("taxonomy_previous"))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def carry_over_taxonomy(
    con: duckdb.DuckDBPyConnection,
    extractor_version: str,
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
) -> int:
    """When only the taxonomy part of `extractor_version` (`<human>+<code>.<taxonomy>`)
    changed, move the postings no changed alias can touch to the new version (see
    transforms.version); returns how many. Any other version change re-extracts all."""
    base, dot, taxonomy = extractor_version.rpartition(".")
    if "+" not in base or not dot or not before:
        return 0
    previous = f"{base}.{taxonomy_digest(before)}"
    if previous == extractor_version or taxonomy_digest(after) != taxonomy:
        return 0  # unchanged, or `after` is not the taxonomy this version names
    changed = changed_alias_keys(before, after)
    con.execute(sql_text("extraction_carry_over_find"), [previous, changed])
    carried = int(
        con.execute(sql_text("extraction_carry_over"), [extractor_version]).fetchall()[0][0]
    )
    con.execute(sql_text("extraction_carry_over_record"))
    return carried


# --- raw_postings -> extract input ----------------------------------------------------
def _in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether `con` is inside an explicit transaction (a MotherDuck or DuckLake writer
    is; DuckLake has no `txid_current()`)."""
    if con.sql(sql_text("database_type")).fetchall() == [("ducklake",)]:
        return True
    first = con.sql(sql_text("in_transaction")).fetchall()
    return first == con.sql(sql_text("in_transaction")).fetchall()


class Partition(NamedTuple):
    """One of `count` disjoint shares of the pending postings (by a hash of posting_id):
    what one of several concurrent extraction writers takes (warehouse.refresh
    run_extract_partition). `Partition(0, 1)` is all of them."""

    index: int
    count: int


WHOLE = Partition(0, 1)


def pending_tables(
    con: duckdb.DuckDBPyConnection,
    extractor_version: str,
    batch_size: int = 20_000,
    partition: Partition = WHOLE,
) -> Iterator[pa.Table]:
    """The pages of `pending_extraction` as Arrow tables (one row per record): what a
    batch extractor takes, so no Python object is made for a record here.

    Streamed by a query on a second cursor of the same database, so the caller's
    connection stays free for its writes and the pending set is that query's snapshot
    (its MVCC view): nothing loaded meanwhile moves it. Materialising the set and paging
    it cost 4.3 s at a million postings; the stream costs 1.4 s. Inside an explicit
    transaction a cursor would not see the transaction's own rows, so there the set is a
    temp table paged on the caller's connection. `partition`: only that share of them.
    """
    share = [extractor_version, partition.count, partition.index]
    if _in_transaction(con):
        con.execute(sql_text("pending_input"))
        con.execute(sql_text("pending_create"), share)
        try:
            total = con.sql(sql_text("pending_count")).fetchall()[0][0]
            for start in range(0, total, batch_size):
                page = con.execute(sql_text("pending_page"), [start, start + batch_size])
                yield page.to_arrow_table()
        finally:
            con.execute(sql_text("pending_drop"))
        return
    cursor = con.cursor()
    try:
        cursor.execute(sql_text("pending_input"))
        stream = cursor.execute(sql_text("pending_stream"), share)
        # The next page is computed in a thread while the caller extracts this one.
        with Prefetch(
            pa.Table.from_batches([b]) for b in stream.to_arrow_reader(batch_size)
        ) as pages:
            yield from pages
    finally:
        cursor.close()


def pending_extraction(
    con: duckdb.DuckDBPyConnection, extractor_version: str, batch_size: int = 2000
) -> Iterator[list[dict]]:
    """Extract-input records for postings whose latest raw version is not yet extracted
    by `extractor_version` (new, changed, or extracted by another version), in posting_id
    order.

    The pending set is fixed when iteration starts, so loading the extractions of one
    batch does not move the next, and the connection stays free for the caller's writes.
    """
    for page in pending_tables(con, extractor_version, batch_size):
        yield page.to_pylist()


# --- extract output -> postings ------------------------------------------------------
# Extract output records written to the spool at a time (one Parquet row group each).
EXTRACT_CHUNK_ROWS = 50_000

ExtractOutput = pa.Table | list[dict[str, Any]]  # a batch of extract output records


def load_extractions(
    con: duckdb.DuckDBPyConnection, records: Iterable[dict], extractor_version: str
) -> int:
    """Upsert extract output records (dicts, docs/architecture.md section 2); see
    `load_extraction_batches`. Returns the number of postings loaded."""

    def batches() -> Iterator[list[dict[str, Any]]]:
        chunk: list[dict[str, Any]] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= EXTRACT_CHUNK_ROWS:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    return load_extraction_batches(con, batches(), extractor_version)


def load_extraction_batches(
    con: duckdb.DuckDBPyConnection,
    batches: Iterable[ExtractOutput],
    extractor_version: str,
    partition: Partition = WHOLE,
) -> int:
    """Upsert extract output into postings, posting_salaries and posting_skills.

    A batch is an Arrow table of output records (`EXTRACT_OUTPUT_ARROW`, extra columns
    ignored) or a list of record dicts. Each record joins the latest landed version of
    its posting (company, title, url, dates come from there). Records without an `id`,
    or for a posting never landed, are skipped; of an id given twice the last record
    wins. The output is spooled to a Parquet file as it arrives (`_OutputSpool`) and
    merged into the real tables once at the end, in SQL that flattens the nested records
    as it reads them. The current extraction run (one per writer connection and extractor
    version) is recorded in `extraction_runs`. Returns the number of postings loaded.

    The postings inserted take their lifecycle from `lifecycle_new`: call
    `warehouse.lifecycle.compute_lifecycle` first (warehouse.refresh runs the steps in
    that order). `partition`: the extraction partition the batches are (it names the run).
    """
    with _OutputSpool(con) as spool:
        for batch in batches:
            if isinstance(batch, pa.Table):
                spool.add(batch)
            else:
                usable = [r for r in batch if isinstance(r, dict) and r.get("id")]
                if usable:
                    spool.add_records(usable)
        if not spool.rows:
            return 0
        spool.finish()
        con.execute(sql_text("extract_prepare"))
        con.read_parquet(str(spool.path)).create_view("extract_output", replace=True)
        try:
            con.execute(sql_text("extract_finalize"))
            loaded = con.sql(sql_text("extract_final_count")).fetchall()[0][0]
            if not loaded:
                return 0
            part = f"{partition.index + 1}/{partition.count}" if partition.count > 1 else ""
            run_id = current_extraction_run(con, extractor_version, part)
            if con.execute(sql_text("extract_previous")).fetchall()[0][0]:
                con.execute(sql_text("extract_delete_previous"))
            con.execute(sql_text("extract_insert_postings"), [extractor_version, run_id])
            con.execute(sql_text("extract_upsert"))
        finally:
            con.execute(sql_text("extract_cleanup"))
    finish_extraction_run(con, run_id, loaded)
    return loaded


class _OutputSpool:
    """Extract output, numbered by arrival (`seq`: the last record of an id wins), written
    to a Parquet file as it arrives; the load SQL reads it back as `extract_output`.

    Compared with staging the flattened output in temp tables, the spool cost 1.3 s to
    write and made the merge 4-5 s faster at a million postings, and memory stays flat.
    The file lives in the database's temp directory (next to a writer's working copy,
    which the writer cleans up whatever happens), else in the system's.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        folder = con.sql(sql_text("temp_directory")).fetchall()[0][0]
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix="extract-output-", suffix=".parquet", dir=folder)
        os.close(handle)
        self.path = Path(name)
        self.rows = 0
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(
            self.path, EXTRACT_SPOOL_ARROW, compression="lz4", use_dictionary=False
        )
        # Writing runs in a thread (pyarrow releases the GIL) while the caller extracts
        # the next batch; one write in flight at a time keeps memory flat.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract-spool")
        self._in_flight: Future[None] | None = None

    def __enter__(self) -> _OutputSpool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.finish()
        finally:
            self._thread.shutdown()
            self.path.unlink(missing_ok=True)

    def add(self, table: pa.Table) -> None:
        """Spool an Arrow batch of output records (a column of another type is cast; when
        that fails, the records are taken one by one, see add_records)."""
        try:
            conformed = _conform(table)
        except (pa.ArrowException, TypeError, ValueError):
            records = [r for r in table.to_pylist() if r.get("id")]
            if records:
                self.add_records(records)
            return
        seqs = pa.array(range(self.rows, self.rows + conformed.num_rows), pa.int64())
        writer = self._writer
        assert writer is not None, "spool already finished"
        self._wait()
        self._in_flight = self._thread.submit(
            writer.write_table, conformed.append_column("seq", seqs)
        )
        self.rows += conformed.num_rows

    def _wait(self) -> None:
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            in_flight.result()  # raises what the write raised

    def add_records(self, records: list[dict[str, Any]]) -> None:
        """Spool output records (each with an id). When some value has the wrong type,
        every record is first fitted to the schema (that value becomes null, the rest of
        its record is kept), so both cases are read by the same SQL."""
        converted = extract_output_arrow(records)
        if not isinstance(converted, pa.Table):
            fitted = [_fitted(record, EXTRACT_OUTPUT_STRUCT) for record in records]
            converted = pa.Table.from_pylist(fitted, schema=EXTRACT_OUTPUT_ARROW)
        self.add(converted)

    def finish(self) -> None:
        try:
            self._wait()
        finally:
            if self._writer is not None:
                self._writer.close()
                self._writer = None


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a field of the extraction record model: text, numbers (as
    float64, as the SQL reads them), bools, lists and nested models (structs). An id
    given as a number is read as text."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if set(members) == {str, int}:
            return pa.string()
        (annotation,) = members
        return arrow_type(annotation)
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        (item,) = typing.get_args(annotation)
        return pa.list_(arrow_type(item))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [(name, arrow_type(f.annotation)) for name, f in annotation.model_fields.items()]
        )
    simple = {str: pa.string(), float: pa.float64(), int: pa.float64(), bool: pa.bool_()}
    return simple[annotation]


# The fields of an extract output record the warehouse keeps (pyarrow builds the nested
# batch in C++, the SQL flattens it). `salary` is read as a range like those of
# `salaries` (its label and is_primary null), so one SQL macro reads both.
WAREHOUSE_EXTRACTION_FIELDS: tuple[str, ...] = (
    "id",
    "role",
    "role_evidence",
    "seniority",
    "remote",
    "ai_involvement",
    "language",
    "location",
    "years_experience",
    "salary",
    "salaries",
    "salary_source",
    "skills",
    "skill_evidence",
    "outside_sentence_keys",
)
_ARROW_OVERRIDES: dict[str, Any] = {"salary": SalaryRange | None}
EXTRACT_OUTPUT_ARROW = pa.schema(
    [
        (
            name,
            arrow_type(_ARROW_OVERRIDES.get(name, ExtractionRecord.model_fields[name].annotation)),
        )
        for name in WAREHOUSE_EXTRACTION_FIELDS
    ]
)
EXTRACT_OUTPUT_STRUCT = pa.struct(list(EXTRACT_OUTPUT_ARROW))  # a record, for _fitted
EXTRACT_SPOOL_ARROW = EXTRACT_OUTPUT_ARROW.append(pa.field("seq", pa.int64()))


def extract_output_arrow(records: list[dict[str, Any]]) -> ExtractOutput:
    """Extract output records as one Arrow table, built in C++ by pyarrow; the records
    themselves when a field holds a value of the wrong type (the loader then takes them
    one by one). Extractor worker processes call this, so the writer gets Arrow."""
    try:
        return pa.Table.from_pylist(records, schema=EXTRACT_OUTPUT_ARROW)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return records


def _conform(table: pa.Table) -> pa.Table:
    """The columns of EXTRACT_OUTPUT_ARROW, in its order and types (missing ones null)."""
    columns = []
    for wanted in EXTRACT_OUTPUT_ARROW:
        if wanted.name in table.column_names:
            column = table.column(wanted.name)
            columns.append(column if column.type == wanted.type else column.cast(wanted.type))
        else:
            columns.append(pa.nulls(table.num_rows, wanted.type))
    return pa.Table.from_arrays(columns, schema=EXTRACT_OUTPUT_ARROW)


def _fitted(value: Any, arrow_type: pa.DataType) -> Any:
    """`value` as `arrow_type` takes it: a struct keeps its known fields, a list its
    elements (text for a list of text splits into characters, as pyarrow reads it; for a
    list of structs it is no list), a number may come as
    text, a text field takes any scalar; anything else of the wrong kind becomes null."""
    if value is None:
        return None
    if pa.types.is_struct(arrow_type):
        if not isinstance(value, dict):
            return None
        return {f.name: _fitted(value.get(f.name), f.type) for f in arrow_type}
    if pa.types.is_list(arrow_type):
        if not isinstance(value, (list, tuple, str)):
            return None
        if isinstance(value, str) and not pa.types.is_string(arrow_type.value_type):
            return None
        return [_fitted(item, arrow_type.value_type) for item in value]
    if pa.types.is_floating(arrow_type):
        try:
            return float(value)  # a bool is 0/1, as pyarrow reads it
        except (TypeError, ValueError, OverflowError):
            return None
    if pa.types.is_boolean(arrow_type):
        return bool(value)
    if isinstance(value, (dict, list, tuple)):
        return None
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text
