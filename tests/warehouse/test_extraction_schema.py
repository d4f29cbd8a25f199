"""The warehouse's Arrow schema for extract output is derived from the extraction record
model (transforms.records); the load SQL reads only what that schema holds, and real
extractor records convert to it in one piece."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa

from transforms.extract import Extractor
from transforms.records import EXTRACTION_FIELDS
from warehouse.extraction_handoff import (
    EXTRACT_OUTPUT_ARROW,
    EXTRACT_SPOOL_ARROW,
    WAREHOUSE_EXTRACTION_FIELDS,
    extract_output_arrow,
)

SQL = Path(__file__).resolve().parents[2] / "warehouse" / "sql"


def test_the_warehouse_keeps_a_subset_of_the_model_fields() -> None:
    assert set(WAREHOUSE_EXTRACTION_FIELDS) <= set(EXTRACTION_FIELDS)
    assert EXTRACT_OUTPUT_ARROW.names == list(WAREHOUSE_EXTRACTION_FIELDS)


def test_every_output_field_the_load_sql_reads_is_in_the_derived_schema() -> None:
    read = set()
    for path in SQL.glob("extract_*.sql"):
        read |= set(re.findall(r"\bo\.([a-z_]+)(?:\.([a-z_]+))?", path.read_text()))
    assert read, "the load SQL reads the spool as `o`"
    for field, sub in read:
        column = EXTRACT_SPOOL_ARROW.field(field)  # KeyError: the SQL reads a dropped field
        if sub:
            assert pa.types.is_struct(column.type) and column.type.get_field_index(sub) >= 0


def test_real_extractor_records_convert_to_the_schema_in_one_piece() -> None:
    records = list(
        Extractor().extract_many(
            [
                {"id": "a", "title": "Prompt Engineer", "text": "Prompts. $150k-$190k a year."},
                {"id": "b", "title": "Line Cook", "location": "Austin, TX", "text": "$18/hr"},
            ]
        )
    )
    table = extract_output_arrow(records)
    assert isinstance(table, pa.Table) and table.num_rows == 2
    assert table.column("salary").to_pylist()[0]["min"] == 150000
