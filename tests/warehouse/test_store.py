"""Warehouse store: migrations, one writer at a time, atomic swaps, locked-down readers."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb
import pytest

from promptjobs.settings import Settings
from warehouse.store import (
    STORAGE_VERSION,
    WarehouseBusy,
    WarehouseError,
    WarehouseMissing,
    apply_migrations,
    copy_database,
    migration_files,
)

# Their writes exercise the catalog's transactions: they run on the Postgres catalog too.
pytestmark = [pytest.mark.postgres_catalog, pytest.mark.object_store]


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()}


def test_migrations_from_empty_apply_every_file_in_order(settings: Settings) -> None:
    versions = [v for v, _, _ in migration_files()]
    assert versions == sorted(versions) and versions[0] == 1
    with settings.open_warehouse().writer() as con:
        applied = con.sql("select version, name from schema_version order by version").fetchall()
        tables = table_names(con)
    assert [v for v, _ in applied] == versions
    assert applied[0] == (1, "initial")
    assert {
        "raw_postings",
        "postings",
        "posting_salaries",
        "posting_skills",
        "skills",
        "companies",
        "crawl_runs",
        "extraction_runs",
        "landing_files",
        "posting_sightings",
    } <= tables


@pytest.mark.file_only  # the file warehouse's own mechanics (a file built by hand, copy and swap)
def test_migrating_from_the_previous_version_keeps_and_backfills_data(settings: Settings) -> None:
    path = Path(settings.warehouse_target)
    path.parent.mkdir(parents=True)
    con = duckdb.connect(str(path))
    assert apply_migrations(con, up_to=1) == [1]
    con.execute(
        "insert into postings (posting_id, source, source_id, company, content_hash, "
        "extractor_version, extraction_run_id) values "
        "('lever:7', 'lever', '7', 'OpenAI, Inc.', 'h', 'v1', 'v1#1')"
    )
    con.close()

    with settings.open_warehouse().writer() as con:
        version = con.sql("select max(version) from schema_version").fetchall()[0][0]
        row = con.sql("select posting_id, company_key from postings").fetchall()
    assert version == migration_files()[-1][0]
    assert row == [("lever:7", "openai")]


def storage_version(con: duckdb.DuckDBPyConnection) -> str:
    query = "select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
    return con.sql(query).fetchall()[0][0]


@pytest.mark.file_only  # the file warehouse's own mechanics (a file built by hand, copy and swap)
def test_a_new_warehouse_uses_the_newer_storage_format_and_an_older_file_keeps_its_own(
    settings: Settings, tmp_path: Path
) -> None:
    with settings.open_warehouse().writer() as con:
        assert storage_version(con) == f"{STORAGE_VERSION}+"
    with settings.open_warehouse().reader() as con:
        assert storage_version(con) == f"{STORAGE_VERSION}+"

    # A file made by DuckDB's default format (an earlier promptjobs) still loads.
    older = settings.model_copy(update={"home": tmp_path / "older", "warehouse": None})
    path = Path(older.warehouse_target)
    path.parent.mkdir(parents=True)
    duckdb.connect(str(path)).close()
    with older.open_warehouse().writer() as con:
        assert storage_version(con) == "v1.0.0+"
        assert con.sql("select count(*) from postings").fetchall() == [(0,)]


def test_reopening_applies_nothing_twice(settings: Settings) -> None:
    wh = settings.open_warehouse()
    with wh.writer():
        pass
    with wh.writer() as con:
        assert apply_migrations(con) == []
        count = con.sql("select count(*) from schema_version").fetchall()[0][0]
    assert count == len(migration_files())


def test_a_lower_numbered_migration_merged_later_is_still_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two branches add 012 and 013; 013 lands and is applied first. 012 must not be
    # skipped for good because a higher version is already recorded.
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    (migrations / "001_base.sql").write_text("create table a (x integer);")
    (migrations / "013_later.sql").write_text("create table c (x integer);")
    monkeypatch.setattr("warehouse.store.MIGRATIONS_DIR", migrations)
    con = duckdb.connect()
    assert apply_migrations(con) == [1, 13]
    (migrations / "012_merged_late.sql").write_text("create table b (x integer);")
    assert apply_migrations(con) == [12]
    assert apply_migrations(con) == []
    tables = {row[0] for row in con.sql("select table_name from duckdb_tables()").fetchall()}
    assert {"a", "b", "c"} <= tables


def test_a_second_writer_waits_then_fails_with_one_line(settings: Settings) -> None:
    with settings.open_warehouse().writer():
        impatient = settings.open_warehouse(lock_timeout_s=0.3)
        with pytest.raises(WarehouseBusy) as err, impatient.writer():
            pass
    message = str(err.value)
    assert "\n" not in message
    assert "another refresh" in message


def test_a_second_writer_proceeds_once_the_first_finishes(settings: Settings) -> None:
    holding = threading.Event()
    first_done = threading.Event()
    wh = settings.open_warehouse()

    def first() -> None:
        with wh.writer() as con:
            con.execute("insert into skills values ('a', 'A', null, null, [])")
            holding.set()
            first_done.wait(5)

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert holding.wait(10)
        with pytest.raises(WarehouseBusy), settings.open_warehouse(lock_timeout_s=0.2).writer():
            pass
    finally:
        first_done.set()
        thread.join()
    with settings.open_warehouse(lock_timeout_s=5).writer() as con:
        con.execute("insert into skills values ('b', 'B', null, null, [])")
    with wh.reader() as con:
        assert con.sql("select skill_id from skills order by 1").fetchall() == [("a",), ("b",)]


@pytest.mark.file_only  # the file warehouse's own mechanics (a file built by hand, copy and swap)
def test_a_failed_write_leaves_the_previous_file_and_no_copies(settings: Settings) -> None:
    wh = settings.open_warehouse()
    with wh.writer() as con:
        con.execute("insert into skills values ('python', 'Python', null, null, [])")
    before = wh.path.read_bytes()
    with pytest.raises(RuntimeError), wh.writer() as con:
        con.execute("delete from skills")
        raise RuntimeError("extractor crashed")
    assert wh.path.read_bytes() == before
    assert sorted(p.name for p in wh.path.parent.iterdir()) == [
        "warehouse.duckdb",
        "warehouse.duckdb.lock",
    ]


def test_a_writer_keeps_the_memory_budget_set_and_running_out_of_it_saves_nothing(
    settings: Settings,
) -> None:
    with settings.open_warehouse().writer() as con:
        con.execute("insert into skills values ('python', 'Python', null, null, [])")
    roomy = settings.model_copy(update={"writer_memory_limit": "3GiB"}).open_warehouse()
    with roomy.writer() as con:
        assert con.sql("select current_setting('memory_limit')").fetchall() == [("3.0 GiB",)]
    # One list of 300k strings cannot spill: past a 4MB budget the statement fails, and
    # in a lake's open transaction the cleanup after it fails too ("transaction is
    # aborted"): the line still names the budget, and the budget's own error.
    tight = settings.model_copy(update={"writer_memory_limit": "4MB"}).open_warehouse()
    with pytest.raises(WarehouseError) as raised, tight.writer() as con:
        con.execute("delete from skills")
        try:
            con.execute("select list(md5(i::varchar)) from range(300000) r(i)").fetchall()
        finally:
            con.execute("select 1")
    assert str(raised.value).startswith(
        f"the writer of {settings.warehouse_target} ran out of its memory budget "
        "(Out of Memory Error: "
    )
    assert str(raised.value).endswith(
        "nothing was saved: raise PROMPTJOBS_WRITER_MEMORY_LIMIT (writer_memory_limit in "
        "promptjobs.toml, now 4MB) and run it again"
    )
    with settings.open_warehouse().reader() as con:
        assert con.sql("select skill_id from skills").fetchall() == [("python",)]


def test_a_writer_spills_into_a_folder_of_its_own_and_removes_it(
    settings: Settings, tmp_path: Path
) -> None:
    # DuckDB's default spill folder for an in-memory database (what a DuckLake connection
    # is) is `.tmp` in the working directory: a read-only one (a container's) would fail
    # a big refresh, and a killed one would leave its spill files there.
    with settings.open_warehouse().writer() as con:
        con.execute("set memory_limit = '64MB'")
        # a temp table twice the budget, sorted: it spills
        con.execute(
            "create temp table spill_check as "
            "select md5(range::varchar) as m from range(3000000) order by m"
        )
        sorted_rows = con.sql("select count(*) from spill_check").fetchall()
        folder = Path(con.sql("select current_setting('temp_directory')").fetchall()[0][0])
        spilled = folder.is_absolute() and folder.is_dir() and any(folder.iterdir())
        in_working_directory = (tmp_path / ".tmp").exists()  # the settings fixture's cwd
    assert sorted_rows == [(3_000_000,)]
    assert spilled
    assert not in_working_directory
    assert not folder.exists()


def test_readers_see_the_previous_state_while_a_refresh_writes(settings: Settings) -> None:
    wh = settings.open_warehouse()
    with wh.writer() as con:
        con.execute("insert into skills values ('python', 'Python', null, null, [])")
    with wh.writer() as con:
        con.execute("insert into skills values ('rag', 'RAG', null, null, [])")
        with wh.reader() as reading:
            assert reading.sql("select count(*) from skills").fetchall() == [(1,)]
    with wh.reader() as reading:
        assert reading.sql("select count(*) from skills").fetchall() == [(2,)]


def test_the_writers_copy_is_a_file_of_its_own_however_it_was_made(tmp_path: Path) -> None:
    # A reflink clone where the filesystem has them (XFS, btrfs: the blocks are shared until
    # written), else a byte copy: either way the copy reads as the original, and writing the
    # copy leaves the original as it was (a clone is copy-on-write, not a second name).
    original = tmp_path / "warehouse.duckdb"
    original.write_bytes(os.urandom(3 * 1024 * 1024 + 17))
    before = original.read_bytes()
    copy = tmp_path / "warehouse.duckdb.tmp-1"
    assert copy_database(original, copy) in {"clone", "copy"}
    assert copy.read_bytes() == before
    with open(copy, "r+b") as handle:
        handle.seek(1024 * 1024)
        handle.write(b"written by the refresh")
    assert original.read_bytes() == before
    assert copy.read_bytes() != before


@pytest.mark.file_only
def test_a_writer_works_on_a_copy_and_says_how_it_was_made(settings: Settings) -> None:
    wh = settings.open_warehouse()
    with wh.writer() as con:
        con.execute("insert into skills values ('python', 'Python', null, null, [])")
    assert wh.write_copy == ""  # nothing to copy: the first writer creates the file
    with wh.writer() as con:
        con.execute("insert into skills values ('rag', 'RAG', null, null, [])")
    assert wh.write_copy in {"clone", "copy"}
    with wh.reader() as reading:
        assert reading.sql("select count(*) from skills").fetchall() == [(2,)]


def row_groups(wh_path: Path, table: str) -> list[int]:
    """Rows per row group of `table`, as stored in the file."""
    con = duckdb.connect(str(wh_path), read_only=True)
    try:
        return [
            n
            for (n,) in con.sql(
                f"select sum(count) from pragma_storage_info('{table}') "
                "where column_id = 0 and segment_type <> 'VALIDITY' "
                "group by row_group_id order by row_group_id"
            ).fetchall()
        ]
    finally:
        con.close()


@pytest.mark.file_only  # DuckDB's own row groups in the file
def test_a_write_leaves_tables_it_did_not_touch_as_they_are_and_maintain_compacts_them(
    settings: Settings,
) -> None:
    wh = settings.open_warehouse()
    with wh.writer() as con:
        con.execute("create table sightings_log as select range as n from range(300000)")
    with wh.writer() as con:
        # Most rows of the first two row groups deleted: a checkpoint's vacuum would merge
        # what is left, rewriting the table.
        con.execute("delete from sightings_log where n < 240000 and n % 10 <> 0")
    before = row_groups(wh.path, "sightings_log")
    assert len(before) == 3
    with wh.writer() as con:
        con.execute("insert into skills values ('python', 'Python', null, null, [])")
    # The write that touched only `skills` did not rewrite the other table.
    assert row_groups(wh.path, "sightings_log") == before
    wh.compact()
    assert row_groups(wh.path, "sightings_log") == [84000]
    with wh.reader() as con:
        assert con.sql("select count(*), sum(n) from sightings_log").fetchall() == [
            (84000, sum(n for n in range(300000) if n >= 240000 or n % 10 == 0))
        ]


@pytest.mark.file_only  # the file warehouse's own mechanics (a file built by hand, copy and swap)
def test_a_stale_copy_from_a_killed_writer_is_removed(settings: Settings) -> None:
    wh = settings.open_warehouse()
    with wh.writer():
        pass
    stale = wh.path.with_name(wh.path.name + ".tmp-99999")
    stale.write_bytes(b"half a database")
    spill = wh.path.with_name(wh.path.name + ".tmp-99999.tmp")
    spill.mkdir()
    (spill / "duckdb_temp_block-0.block").write_bytes(b"spilled")
    with wh.writer():
        pass
    assert not stale.exists()
    assert not spill.exists()


def test_a_missing_warehouse_is_one_clear_line(settings: Settings) -> None:
    with pytest.raises(WarehouseMissing) as err, settings.open_warehouse().reader():
        pass
    assert str(err.value) == (
        f"no warehouse at {settings.warehouse_target}: run `promptjobs demo` or "
        "`promptjobs refresh` first"
    )


def test_the_reader_cannot_write_read_files_or_unlock_itself(
    settings: Settings, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    wh = settings.open_warehouse()
    with wh.writer():
        pass
    with wh.reader() as con:
        for statement in (
            "insert into skills values ('x', 'X', null, null, [])",
            f"select * from read_csv('{secret}')",
            f"copy (select 1) to '{tmp_path / 'out.csv'}'",
            "set enable_external_access = true",
            f"attach '{tmp_path / 'other.duckdb'}'",
        ):
            with pytest.raises(duckdb.Error):
                con.execute(statement)
    assert not (tmp_path / "out.csv").exists()
    assert not (tmp_path / "other.duckdb").exists()


def test_motherduck_targets_are_recognised_without_a_local_file(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, warehouse="md:promptjobs")
    wh = settings.open_warehouse()
    assert wh.is_motherduck and wh.exists()
    assert wh.lock_path.parent == tmp_path


@pytest.mark.file_only  # the file warehouse's own mechanics (a file built by hand, copy and swap)
def test_migration_003_backfills_the_latest_version_of_each_posting(settings: Settings) -> None:
    path = Path(settings.warehouse_target)
    path.parent.mkdir(parents=True)
    con = duckdb.connect(str(path))
    assert apply_migrations(con, up_to=2) == [1, 2]
    for day, digest, title in (
        ("2026-10-01", "h1", "Prompt Engineer"),
        ("2026-10-08", "h2", "Senior Prompt Engineer"),
    ):
        con.execute(
            "insert into raw_postings (source, source_id, content_hash, posting_id, title, "
            "fetched_at, crawl_date, run_id, landing_file) values "
            "('lever', '7', ?, 'lever:7', ?, ?::timestamp, ?::date, ?, 'f')",
            [digest, title, day, day, day],
        )
        con.execute(
            "insert into posting_sightings values ('lever:7', 'lever', 'acme', ?, ?, ?::date, ?::timestamp)",
            [digest, day, day, day],
        )
    con.close()

    with settings.open_warehouse().writer() as con:
        latest = con.sql("select posting_id, content_hash, title from posting_latest").fetchall()
    assert latest == [("lever:7", "h2", "Senior Prompt Engineer")]
