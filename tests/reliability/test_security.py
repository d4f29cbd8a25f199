"""`promptjobs sql` against the ways round its statement check that tests/warehouse/test_query.py
does not try: statements wrapped in query() or EXPLAIN ANALYZE, a file path as a table name
(DuckDB's replacement scan), pragmas that read files, switching the locks off. Each must be
refused with one line, read nothing outside the warehouse and change no byte of it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from promptjobs.settings import Settings, load_settings
from warehouse.query import QueryError, interactive_sql, run_sql

SECRET = "hunter2-do-not-leak"

BYPASS_ATTEMPTS = [
    "select * from '{secret}'",
    "from '{secret}'",
    "select * from query('select * from read_text(''{secret}'')')",
    "select * from query('copy postings to ''{leak}''')",
    "select * from query('attach ''{leak}'' as x')",
    "select * from query('install httpfs')",
    "explain analyze copy postings to '{leak}'",
    "explain analyze create table t as select 1",
    "explain analyze set enable_external_access = true",
    "explain analyze install httpfs",
    "describe select * from read_blob('{secret}')",
    "summarize select * from read_csv(['{secret}'])",
    "pragma import_database('{home}')",
    "set lock_configuration = false",
    "reset enable_external_access",
    "use memory",
    "select * from glob('{home}/*')",
    "select 1; attach ':memory:' as m",
    "select getenv('HOME')",
    # DuckDB lets even this connection write its own side files: the WAL attack (a WAL
    # beside the file is replayed by every reader), its siblings, and the spill folder.
    "explain analyze copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "explain copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "explain analyze copy (select 'x'::blob as b) to '{db}.wal.recovery' (format blob)",
    "explain analyze copy (select 'x'::blob as b) to '{db}.wal.checkpoint' (format blob)",
    "explain analyze (format json) copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "explain analyze (select 1) copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "explain analyze explain analyze copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "/* c */ explain /* x */ analyze copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "select 1; explain analyze copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
    "select * from query('explain analyze copy (select 1) to ''{db}.wal''')",
    # Shadowing a warehouse object for the rest of a session.
    "explain analyze create temp view posting_facts as select 1 as x",
    "explain analyze create temp table postings as select 1 as x",
    "explain analyze create temp macro company_key(x) as 'x'",
    "explain analyze set search_path = 'temp'",
    "explain analyze pragma enable_profiling",
    "explain analyze checkpoint",
    # SELECTs whose table functions run SQL text or change the session or the files.
    "select * from enable_logging(storage='file', storage_path='{db}.wal')",
    "call enable_logging(storage='file', storage_path='{db}.wal')",
    "select * from enable_profiling()",
    "select * from checkpoint()",
    "select * from force_checkpoint()",
    "select * from json_execute_serialized_sql(json_serialize_sql('select 1'))",
    "select * from query_table('postings')",
    "select * from (select 1) t, lateral (select * from query('select 2'))",
    "with x as (select * from read_text('{secret}')) select * from x",
    "select * from '{db}.wal'",
    "pragma enable_profiling",
    "pragma disable_optimizer",
    "checkpoint",
    "pivot (select 1 as a) on a",
]


@pytest.fixture
def warehouse(tmp_path: Path) -> Settings:
    settings = load_settings({"home": tmp_path / "home"}, environ={})
    with settings.open_warehouse().writer() as con:  # an empty, migrated warehouse
        con.execute("select 1")
    (tmp_path / "secret.txt").write_text(f"password\n{SECRET}\n")
    return settings


@pytest.mark.parametrize("template", BYPASS_ATTEMPTS)
def test_sql_bypass_attempts_are_refused_and_touch_nothing(
    warehouse: Settings, tmp_path: Path, template: str
) -> None:
    db = warehouse.open_warehouse().path
    query = template.format(
        secret=tmp_path / "secret.txt", leak=tmp_path / "leak.out", home=warehouse.home, db=db
    )
    before = db.read_bytes()
    out = io.StringIO()
    with pytest.raises(QueryError) as refused:
        run_sql(warehouse.open_warehouse(), query, fmt="csv", output=None, stdout=out)
    message = str(refused.value)
    assert message and "\n" not in message
    assert SECRET not in message and SECRET not in out.getvalue()
    assert db.read_bytes() == before
    assert not (tmp_path / "leak.out").exists()
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "warehouse.duckdb",
        "warehouse.duckdb.lock",
    ]


def test_the_locks_are_on_in_every_sql_session(warehouse: Settings) -> None:
    out = io.StringIO()
    run_sql(
        warehouse.open_warehouse(),
        "select name, value from duckdb_settings() where name in "
        "('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', "
        "'autoload_known_extensions') order by name",
        fmt="csv",
        output=None,
        stdout=out,
    )
    assert out.getvalue().split() == [
        "name,value",
        "autoinstall_known_extensions,false",
        "autoload_known_extensions,false",
        "enable_external_access,false",
        "lock_configuration,true",
    ]


def test_the_cli_refuses_a_file_read_with_one_line_and_exit_1(
    warehouse: Settings, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "promptjobs.cli", "sql", f"from '{tmp_path / 'secret.txt'}'"],
        capture_output=True,
        text=True,
        env={**os.environ, "PROMPTJOBS_HOME": str(warehouse.home)},
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error:") and len(result.stderr.strip().splitlines()) == 1
    assert SECRET not in result.stdout + result.stderr


def test_a_refused_statement_leaves_the_session_unchanged(warehouse: Settings) -> None:
    """After the attacks in an interactive session, `postings` is still the warehouse's
    table, no temporary object exists and no file appeared beside the warehouse."""
    db = warehouse.open_warehouse().path
    lines = iter(
        [
            "explain analyze create temp view postings as select 'shadow' as posting_id",
            f"explain analyze copy (select 'x'::blob as b) to '{db}.wal' (format blob)",
            "select count(*) as temporary_views from duckdb_views() where temporary and not internal",
            "select table_type from information_schema.tables where table_name = 'postings'",
        ]
    )

    def read_line(_prompt: str) -> str:
        try:
            return next(lines)
        except StopIteration:
            raise EOFError from None

    out = io.StringIO()
    interactive_sql(warehouse.open_warehouse(), stdout=out, read_line=read_line)
    text = out.getvalue()
    assert text.count("error: EXPLAIN CREATE is not allowed") == 1
    assert text.count("error: EXPLAIN COPY is not allowed") == 1
    assert re.search(r"│ 0 +│", text)
    assert "│ BASE TABLE │" in text
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "warehouse.duckdb",
        "warehouse.duckdb.lock",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "explain select * from postings",
        "explain analyze select count(*) from postings",
        "explain (format json) select 1",
        "describe postings",
        "summarize select 1 as a",
        "pragma table_info('postings')",
        "select * from range(3) r, duckdb_settings() s limit 1",
        "with t as (select unnest([1, 2]) as x) select sum(x) from t",
    ],
)
def test_read_queries_still_run(warehouse: Settings, query: str) -> None:
    out = io.StringIO()
    run_sql(warehouse.open_warehouse(), query, fmt="csv", output=None, stdout=out)
    assert len(out.getvalue().splitlines()) >= 2  # a header and at least one row


def test_a_wal_beside_the_warehouse_is_never_replayed(warehouse: Settings) -> None:
    """One written by another client opened read-write (or crafted): readers refuse it with
    one line, and the next refresh drops it instead of replaying it onto the new file."""
    db = warehouse.open_warehouse().path
    wal = db.with_name(db.name + ".wal")
    saved = db.with_name("saved.wal")
    writer = duckdb.connect(str(db))
    writer.execute("set checkpoint_threshold = '1TB'")
    writer.execute("insert into skills (skill_id, name) values ('x', 'renamed')")
    shutil.copyfile(wal, saved)
    writer.close()
    with duckdb.connect(str(db)) as undo:
        undo.execute("delete from skills where skill_id = 'x'")
    saved.rename(wal)  # as if that client had crashed before its checkpoint
    with pytest.raises(QueryError, match=r"warehouse\.duckdb\.wal was not written by promptjobs"):
        run_sql(
            warehouse.open_warehouse(), "select 1", fmt="csv", output=None, stdout=io.StringIO()
        )
    with warehouse.open_warehouse().writer() as con:
        con.execute("select 1")
    assert not wal.exists()
    out = io.StringIO()
    run_sql(
        warehouse.open_warehouse(),
        "select count(*) as n from skills",
        fmt="csv",
        output=None,
        stdout=out,
    )
    assert out.getvalue().split() == ["n", "0"]


def test_a_query_past_the_time_limit_is_stopped_with_one_line(warehouse: Settings) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError) as stopped:
        run_sql(
            warehouse.open_warehouse(),
            "select count(*) from range(1000000000000) a",
            fmt="csv",
            output=None,
            stdout=io.StringIO(),
            timeout_s=0.5,
        )
    assert time.monotonic() - started < 30
    assert str(stopped.value).startswith("the query was stopped after 0.5 s")
    assert "PROMPTJOBS_SQL_TIMEOUT_S" in str(stopped.value)


def test_a_query_never_spills_beside_the_warehouse(warehouse: Settings) -> None:
    out = io.StringIO()
    run_sql(
        warehouse.open_warehouse(),
        "select current_setting('temp_directory') = '' as memory_only",
        fmt="csv",
        output=None,
        stdout=out,
    )
    assert out.getvalue().split() == ["memory_only", "true"]
