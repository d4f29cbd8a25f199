"""Moved: the loads are split by job. Import from the modules named for what they hold:

- `warehouse.landing_ingest`: ingest_landing, IngestResult, complete_landing_files
- `warehouse.extraction_handoff`: pending_tables, pending_extraction, load_extractions,
  load_extraction_batches, extract_output_arrow, ExtractOutput, EXTRACT_OUTPUT_ARROW
- `warehouse.bookkeeping`: crawl_runs, landing_files and extraction_runs rows
- `warehouse.taxonomy`: load_taxonomy; `warehouse.companies`: update_companies

These names stay importable from here until every branch has moved its imports.
"""

from warehouse.companies import update_companies
from warehouse.extraction_handoff import (
    EXTRACT_OUTPUT_ARROW,
    ExtractOutput,
    extract_output_arrow,
    load_extraction_batches,
    load_extractions,
    pending_extraction,
    pending_tables,
)
from warehouse.landing_ingest import IngestResult, complete_landing_files, ingest_landing
from warehouse.taxonomy import load_taxonomy

__all__ = [
    "EXTRACT_OUTPUT_ARROW",
    "ExtractOutput",
    "IngestResult",
    "complete_landing_files",
    "extract_output_arrow",
    "ingest_landing",
    "load_extraction_batches",
    "load_extractions",
    "load_taxonomy",
    "pending_extraction",
    "pending_tables",
    "update_companies",
]
