"""A refresh whose extraction is split over concurrent writers (warehouse.refresh:
run_ingest, run_extract_partition per partition at once, run_refresh) leaves a
Postgres-catalog DuckLake equal to one plain refresh of the same landing files."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pytest

from promptjobs.settings import Settings, load_settings
from warehouse.extraction_handoff import Partition
from warehouse.refresh import run_extract_partition, run_ingest
from warehouse.store import Warehouse, WarehouseError

pytestmark = pytest.mark.postgres_catalog

# Bookkeeping that names the writer, not the data: the partitions' extraction runs are two
# (`<version>#2 part 1/2`, `part 2/2`) where a plain refresh has one.
RUN_BOOKKEEPING = frozenset({"extraction_runs", "extraction_run_id"})


def lake_settings(home: Path, target: str, data: Path) -> Settings:
    return load_settings(
        {"home": home, "warehouse": target, "lake_data_path": str(data)}, environ={}
    )


def landed_before(kit: SimpleNamespace, landing: Any) -> None:
    """Two weeks both lakes hold: five postings, then a complete crawl without two."""
    first = [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in range(5)]
    landing.write("greenhouse", "2026-10-01", first)
    landing.write("greenhouse", "2026-10-08", first[:3])


def landed_today(kit: SimpleNamespace, landing: Any) -> None:
    """The third week: one closed posting is back (reopened), eight are new, one cross-post."""
    again = [kit.item("greenhouse", str(i), title=f"Prompt Engineer {i}") for i in (0, 1, 2, 3)]
    new = [kit.item("greenhouse", str(i), title=f"LLM Engineer {i}") for i in range(10, 18)]
    landing.write("greenhouse", "2026-10-15", [*again, *new])
    landing.write("hn", "2026-10-15", [kit.item("hn", "h1", board="41", title="Prompt Engineer 1")])


@pytest.mark.parametrize("warehouse_target", ["ducklake-postgres"], indirect=True)
def test_two_extraction_partitions_commit_side_by_side_and_equal_one_refresh(
    tmp_path: Path, postgres_server, kit: SimpleNamespace, warehouse_target: dict[str, str]
) -> None:
    home = tmp_path / "home"
    landing = kit.landing(home / "landing")
    landed_before(kit, landing)
    plain = lake_settings(
        home, f"ducklake:postgres:{postgres_server.new_database()}", tmp_path / "a"
    )
    split = lake_settings(
        home, f"ducklake:postgres:{postgres_server.new_database()}", tmp_path / "b"
    )
    for settings in (plain, split):
        kit.refresh(settings)
    landed_today(kit, landing)
    kit.refresh(plain)

    # Each partition's extractor waits for the other's, inside its open transaction, so
    # the two writers surely overlap; their inserts do not conflict, so neither retries.
    both_extracting = threading.Barrier(2, timeout=120)
    retries: list[str] = []

    def extract(pages: Iterable[pa.Table]) -> Iterator[list[dict]]:
        both_extracting.wait()
        yield from kit.extract_batches(pages)

    warehouse = split.open_warehouse()
    run_ingest(warehouse, split.landing_dir, "fake-1", kit.taxonomy)
    extracted: dict[int, int] = {}

    def partition(index: int) -> None:
        summary = run_extract_partition(
            split.open_warehouse(), extract, "fake-1", Partition(index, 2), progress=retries.append
        )
        extracted[index] = summary.extracted

    writers = [threading.Thread(target=partition, args=(i,)) for i in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
    assert sorted(extracted) == [0, 1], "a partition writer failed"
    assert sum(extracted.values()) == 9 and all(extracted.values())
    assert not [m for m in retries if "conflicted" in m]

    rest = kit.refresh(split)
    assert rest.extracted == 0 and rest.raw_rows_new == 0
    # The runs the ingest step loaded are taken in now: posting 3 is open again.
    assert rest.reopened == 1 and rest.closed_postings == 1

    got = kit.snapshot(warehouse, RUN_BOOKKEEPING)
    want = kit.snapshot(plain.open_warehouse(), RUN_BOOKKEEPING)
    assert got.keys() == want.keys()
    assert {table for table in got if got[table] != want[table]} == set()
    with warehouse.reader() as con:
        runs = con.sql("select extraction_run_id, postings from extraction_runs order by 1")
        assert runs.fetchall() == [
            ("fake-1#1", 5),
            ("fake-1#2 part 1/2", extracted[0]),
            ("fake-1#2 part 2/2", extracted[1]),
        ]


def test_a_file_warehouse_refuses_concurrent_writers(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb", lock_dir=tmp_path)
    with pytest.raises(WarehouseError, match="one writer at a time"):
        run_extract_partition(warehouse, iter, "v", Partition(0, 2))  # type: ignore[arg-type]


def test_a_partition_outside_the_count_is_an_error(tmp_path: Path) -> None:
    warehouse = Warehouse(tmp_path / "w.duckdb", lock_dir=tmp_path)
    with pytest.raises(ValueError, match="partition 2 of 2 does not exist"):
        run_extract_partition(warehouse, iter, "v", Partition(2, 2))  # type: ignore[arg-type]
