"""Every country of a posting's location is kept (`posting_countries`, migration 008):
loaded through the real extraction hand-off from the real extractor's records, replaced on
re-extraction, and backfilled from `postings.country` for postings loaded before."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from promptjobs.settings import Settings
from transforms.extract import Extractor
from warehouse.extraction_handoff import load_extractions, pending_extraction
from warehouse.landing_ingest import ingest_landing
from warehouse.lifecycle import compute_lifecycle
from warehouse.store import apply_migrations


def _countries(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.sql(
        "select posting_id, ordinal, country from posting_countries order by posting_id, ordinal"
    ).fetchall()


def test_every_country_of_a_location_is_stored_in_order_through_the_real_load(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    items = [
        kit.item("lever", "1", location_raw="London or NYC"),
        kit.item("lever", "2", location_raw="Berlin, Germany / Paris, France / Berlin, Germany"),
        kit.item("lever", "3", location_raw="Remote"),
        kit.item("lever", "4", location_raw="Toronto, Canada"),
    ]
    landing.write("lever", "2026-10-01", items)
    extractor = Extractor()
    wh = settings.open_warehouse()
    for version in ("real-1", "real-2"):  # the second run re-extracts every posting
        with wh.writer() as con:
            ingest_landing(con, settings.landing_dir)
            compute_lifecycle(con)
            for batch in pending_extraction(con, version):
                load_extractions(con, extractor.extract_many(batch), version)
            stored = _countries(con)
            first = con.sql(
                "select posting_id, country from postings order by posting_id"
            ).fetchall()
        assert stored == [
            ("lever:1", 0, "GB"),
            ("lever:1", 1, "US"),
            ("lever:2", 0, "DE"),
            ("lever:2", 1, "FR"),
            ("lever:4", 0, "CA"),
        ], version
        # postings.country is the first country named.
        assert first == [("lever:1", "GB"), ("lever:2", "DE"), ("lever:3", None), ("lever:4", "CA")]


def test_a_record_without_a_countries_list_keeps_its_one_country(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "1")])
    with settings.open_warehouse().writer() as con:
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)
        (batch,) = list(pending_extraction(con, "older"))
        records = list(kit.extract(batch))
        for record in records:
            record["location"].pop("countries", None)  # an extractor before the list
        load_extractions(con, records, "older")
        assert _countries(con) == [("lever:1", 0, "US")]


@pytest.mark.file_only  # builds a schema-7 warehouse file by hand
def test_migration_008_backfills_the_known_country_of_earlier_postings(
    settings: Settings,
) -> None:
    path = Path(settings.warehouse_target)
    path.parent.mkdir(parents=True)
    con = duckdb.connect(str(path))
    apply_migrations(con, up_to=7)
    con.execute(
        "insert into postings (posting_id, source, source_id, country, content_hash, "
        "extractor_version, extraction_run_id) values "
        "('lever:7', 'lever', '7', 'FR', 'h', 'v1', 'v1#1'), "
        "('lever:8', 'lever', '8', null, 'h', 'v1', 'v1#1')"
    )
    con.close()
    with settings.open_warehouse().writer() as con:
        assert _countries(con) == [("lever:7", 0, "FR")]
