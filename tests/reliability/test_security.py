"""`promptjobs sql` against the ways round its statement check that tests/warehouse/test_query.py
does not try: statements wrapped in query() or EXPLAIN ANALYZE, a file path as a table name
(DuckDB's replacement scan), pragmas that read files, switching the locks off. Each must be
refused with one line, read nothing outside the warehouse and change no byte of it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from promptjobs.settings import Settings, load_settings
from warehouse.query import QueryError, run_sql

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
    query = template.format(
        secret=tmp_path / "secret.txt", leak=tmp_path / "leak.out", home=warehouse.home
    )
    db = warehouse.open_warehouse().path
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
