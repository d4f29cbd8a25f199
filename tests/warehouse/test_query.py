"""`promptjobs sql` and `promptjobs export`: read-only, no file access, clear one-line errors."""

from __future__ import annotations

import builtins
import io
import json
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest
from typer.testing import CliRunner

from promptjobs.cli import app
from promptjobs.settings import Settings
from warehouse.query import PUBLIC_TABLES, QueryError, export_parquet, interactive_sql, run_sql


@pytest.fixture
def loaded(settings: Settings, landing, kit: SimpleNamespace) -> Settings:
    landing.write(
        "greenhouse",
        "2026-10-01",
        [
            kit.item("greenhouse", "1", compensation=kit.usd(180000, 220000)),
            kit.item("greenhouse", "2", title="LLM Engineer", description_text="python, rag"),
        ],
    )
    kit.refresh(settings)
    return settings


QUERY = "select posting_id, role, salary_min_annual_usd from postings order by posting_id"


def output_of(settings: Settings, query: str, fmt: str) -> str:
    out = io.StringIO()
    run_sql(settings.open_warehouse(), query, fmt=fmt, output=None, stdout=out)
    return out.getvalue()


def test_csv_is_a_header_then_rows(loaded: Settings) -> None:
    assert output_of(loaded, QUERY, "csv").splitlines() == [
        "posting_id,role,salary_min_annual_usd",
        "greenhouse:1,core,180000.0",
        "greenhouse:2,adjacent,",
    ]


def test_json_is_an_array_of_objects(loaded: Settings) -> None:
    assert json.loads(output_of(loaded, QUERY, "json")) == [
        {"posting_id": "greenhouse:1", "role": "core", "salary_min_annual_usd": 180000.0},
        {"posting_id": "greenhouse:2", "role": "adjacent", "salary_min_annual_usd": None},
    ]


def test_nested_columns_and_dates_survive_csv_and_json(loaded: Settings) -> None:
    query = "select run_id, crawl_date, boards_ok from crawl_runs"
    assert output_of(loaded, query, "csv").splitlines()[1].endswith(',2026-10-01,"[""acme""]"')
    (row,) = json.loads(output_of(loaded, query, "json"))
    assert row["crawl_date"] == "2026-10-01" and row["boards_ok"] == ["acme"]


def test_the_table_format_shows_the_rows(loaded: Settings) -> None:
    text = output_of(loaded, QUERY, "table")
    assert "greenhouse:1" in text and "adjacent" in text and "2 row(s)" in text


def test_parquet_needs_an_output_file_and_writes_it(loaded: Settings, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="needs an output file"):
        run_sql(loaded.open_warehouse(), QUERY, fmt="parquet", output=None, stdout=io.StringIO())
    target = tmp_path / "out" / "postings.parquet"
    run_sql(loaded.open_warehouse(), QUERY, fmt="parquet", output=target, stdout=io.StringIO())
    assert pl.read_parquet(target)["posting_id"].to_list() == ["greenhouse:1", "greenhouse:2"]


def _state(settings: Settings) -> object:
    """The file's bytes, or a DuckLake's snapshot id and files."""
    warehouse = settings.open_warehouse()
    if warehouse.lake is None:
        return warehouse.path.read_bytes()
    with warehouse.reader() as con:
        snapshot = con.sql("select max(snapshot_id) from ducklake_snapshots('lake')").fetchall()
    files = sorted(p for p in Path(warehouse.lake.data_path).rglob("*"))
    return snapshot, files


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("delete from postings", "DELETE is not allowed: the warehouse is read-only"),
        ("create table t as select 1", "CREATE is not allowed"),
        ("select 1; drop table postings", "DROP is not allowed"),
        ("copy postings to 'leak.csv'", "COPY/EXPORT cannot write files"),
        ("attach 'other.duckdb'", "ATTACH is disabled"),
        ("install httpfs", "extensions is disabled"),
        ("set enable_external_access = true", "SET is not allowed"),
        ("select * from read_csv('{secret}')", "reading or writing files is disabled"),
        ("select * from glob('{home}/*')", "reading or writing files is disabled"),
        ("select * from read_text('{secret}')", "reading or writing files is disabled"),
        ("select * from nowhere", "Table with name nowhere does not exist"),
        ("selec 1", "Parser Error"),
    ],
)
def test_writes_file_access_and_bad_sql_are_one_clear_line(
    loaded: Settings, tmp_path: Path, query: str, message: str
) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    before = _state(loaded)
    with pytest.raises(QueryError) as err:
        run_sql(
            loaded.open_warehouse(),
            query.format(secret=secret, home=loaded.home),
            fmt="csv",
            output=None,
            stdout=io.StringIO(),
        )
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert "hunter2" not in str(err.value)
    assert _state(loaded) == before
    assert not (tmp_path / "leak.csv").exists()


def test_a_missing_warehouse_is_a_query_error(settings: Settings) -> None:
    with pytest.raises(QueryError, match="no warehouse at .*run `promptjobs demo`"):
        run_sql(settings.open_warehouse(), "select 1", fmt="csv", output=None, stdout=io.StringIO())


def test_queries_read_while_a_refresh_holds_the_writer(loaded: Settings) -> None:
    with loaded.open_warehouse().writer() as con:
        con.execute("delete from postings")
        assert output_of(loaded, "select count(*) as n from postings", "csv") == "n\n2\n"


def test_export_writes_every_public_table_as_parquet(loaded: Settings, tmp_path: Path) -> None:
    written = export_parquet(loaded.open_warehouse(), tmp_path / "export")
    assert [p.name for p in written] == [f"{t}.parquet" for t in PUBLIC_TABLES]
    postings = pl.read_parquet(tmp_path / "export" / "postings.parquet")
    skills = pl.read_parquet(tmp_path / "export" / "posting_skills.parquet")
    assert sorted(postings["posting_id"]) == ["greenhouse:1", "greenhouse:2"]
    assert skills.height == 4
    assert not list((tmp_path / "export").glob(".*tmp*"))


def test_the_interactive_prompt_runs_queries_until_quit(
    loaded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = iter(["select count(*) as n \\", "from postings", "drop table postings", ".quit"])
    monkeypatch.setattr(builtins, "input", lambda _prompt="": next(lines))
    out = io.StringIO()
    interactive_sql(loaded.open_warehouse(), stdout=out)
    text = out.getvalue()
    assert "│ 2 │" in text
    assert "error: DROP is not allowed" in text


def test_the_cli_prints_results_and_one_line_errors(loaded: Settings) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["sql", QUERY, "--format", "csv", "--home", str(loaded.home)])
    assert ok.exit_code == 0, ok.output
    assert "greenhouse:2,adjacent," in ok.output
    bad = runner.invoke(app, ["sql", "drop table postings", "--home", str(loaded.home)])
    assert bad.exit_code == 1
    assert "DROP is not allowed" in bad.output


def test_the_terminal_prompt_edits_lines_and_keeps_history(loaded: Settings) -> None:
    """Keys as a terminal sends them: a typo fixed with Backspace, then Up to recall it."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from warehouse.query import terminal_prompt

    typed = iter(
        [
            "select count(*) as nn\x7f from postings\r",  # a typo fixed with Backspace
            "\x1b[A\r",  # Up arrow, Enter: the same query again
            ".quit\r",
        ]
    )
    with create_pipe_input() as keys:
        prompt = terminal_prompt(
            loaded.home / "sql_history", pt_input=keys, pt_output=DummyOutput()
        )

        def read_line(text: str) -> str:
            keys.send_text(next(typed))  # typed once the prompt is shown
            return prompt(text)

        out = io.StringIO()
        interactive_sql(loaded.open_warehouse(), stdout=out, read_line=read_line)
    assert out.getvalue().count("┃ n ┃") == 2 and out.getvalue().count("│ 2 │") == 2
    history = (loaded.home / "sql_history").read_text()
    assert "+select count(*) as n from postings" in history
    assert "^[[A" not in out.getvalue() and "error" not in out.getvalue()


def test_the_prompt_shows_every_statement_of_a_line(
    loaded: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = iter(["select 1 as one; select 2 as two; select 3 as three", ".quit"])
    monkeypatch.setattr(builtins, "input", lambda _prompt="": next(lines))
    out = io.StringIO()
    interactive_sql(loaded.open_warehouse(), stdout=out)
    text = out.getvalue()
    assert text.index("one") < text.index("two") < text.index("three")
    assert text.count("1 row(s)") == 3


def test_a_one_shot_query_is_one_statement(loaded: Settings) -> None:
    with pytest.raises(
        QueryError, match=r"give one query at a time \(this text has 2 statements\)"
    ):
        run_sql(
            loaded.open_warehouse(),
            "select 1; select 2",
            fmt="csv",
            output=None,
            stdout=io.StringIO(),
        )
