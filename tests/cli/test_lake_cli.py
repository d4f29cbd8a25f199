"""The whole chain on a DuckLake (SQLite catalog): `refresh --no-crawl` (the Dagster
refresh assets, then the report), then `sql`, `export` and `report` read the lake."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboards"))

import market  # noqa: E402  (tests/dashboards/market.py: a plausible landed market)


def run(home: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [PROMPTJOBS, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_refresh_sql_export_and_report_work_on_a_ducklake(tmp_path: Path) -> None:
    home = tmp_path / "home"
    catalog = tmp_path / "lake" / "catalog.sqlite"
    data = tmp_path / "lake" / "data"
    market.write_landing(home / "landing", market.market(per_crawl=12))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env |= {
        "PROMPTJOBS_HOME": str(home),
        "PROMPTJOBS_WAREHOUSE": f"ducklake:sqlite:{catalog}",
        "PROMPTJOBS_LAKE_DATA_PATH": str(data),
        "PROMPTJOBS_WORKERS": "1",
    }
    run(home, env, "refresh", "--no-crawl")
    assert catalog.is_file()
    assert list(data.rglob("*.parquet"))  # the rows live in the lake's Parquet files
    assert not (home / "warehouse.duckdb").exists()
    assert (home / "reports" / "latest" / "index.html").is_file()

    out = run(home, env, "sql", "select count(*) as n from postings", "--format", "csv")
    n = int(next(csv.DictReader(io.StringIO(out.stdout)))["n"])
    assert n > 0
    refused = subprocess.run(
        [PROMPTJOBS, "sql", "select * from read_csv('/etc/passwd')"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    # A lake reader may write under the data path (DuckDB's allowed_directories grants it),
    # so `sql` must refuse a COPY onto a live data file; the lake still reads after it.
    live = sorted(data.rglob("*.parquet"))[0]
    before = live.read_bytes()
    overwrite = subprocess.run(
        [PROMPTJOBS, "sql", f"copy (select 1 as x) to '{live}' (format parquet)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert overwrite.returncode == 1 and "Traceback" not in overwrite.stderr
    assert live.read_bytes() == before
    again = run(home, env, "sql", "select count(*) as n from postings", "--format", "csv")
    assert again.stdout == out.stdout

    run(home, env, "export", str(tmp_path / "export"))
    assert (tmp_path / "export" / "postings.parquet").is_file()

    run(home, env, "report", "--out", str(tmp_path / "report"))
    assert (tmp_path / "report" / "index.html").is_file()


def count_postings(home: Path, env: dict[str, str], *at: str) -> int:
    out = run(home, env, "sql", "select count(*) as n from postings", "--format", "csv", *at)
    return int(next(csv.DictReader(io.StringIO(out.stdout)))["n"])


def test_sql_and_report_at_an_earlier_snapshot_read_the_lake_as_it_was(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env |= {
        "PROMPTJOBS_HOME": str(home),
        "PROMPTJOBS_WAREHOUSE": f"ducklake:sqlite:{tmp_path / 'lake.sqlite'}",
        "PROMPTJOBS_LAKE_DATA_PATH": str(tmp_path / "lake-data"),
        "PROMPTJOBS_WORKERS": "1",
    }
    jobs = market.market(per_crawl=8)
    market.write_landing(home / "landing", jobs, market.CRAWLS[:2])
    run(home, env, "refresh", "--no-crawl", "--no-report")
    run(home, env, "report")
    # The report names the snapshot it was built from.
    latest = home / "reports" / "latest" / "index.html"
    page = latest.read_text(encoding="utf-8")
    first = int(page.split("DuckLake snapshot <code>", 1)[1].split("<", 1)[0])
    early = count_postings(home, env)

    market.write_landing(home / "landing", jobs, market.CRAWLS)  # later crawls land
    run(home, env, "refresh", "--no-crawl", "--no-report")
    assert count_postings(home, env) > early
    assert count_postings(home, env, "--at", str(first)) == early

    # A report of an earlier snapshot goes to its own folder and leaves latest/ alone.
    run(home, env, "report", "--at", str(first))
    old = (home / "reports" / f"snapshot-{first}" / "index.html").read_text(encoding="utf-8")
    assert f"DuckLake snapshot <code>{first}</code>" in old
    assert latest.read_text(encoding="utf-8") == page

    # Weekly maintenance with no retention: the data stay, the early snapshot is gone.
    done = run(
        home,
        {**env, "PROMPTJOBS_LAKE_SNAPSHOT_RETENTION_DAYS": "0"},
        "maintain",
        "--grace-minutes",
        "0",
    )
    assert "snapshots:" in done.stdout and "expired" in done.stdout
    assert count_postings(home, env) > early
    gone = subprocess.run(
        [PROMPTJOBS, "sql", "select 1", "--at", str(first)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert gone.returncode == 1 and f"has no snapshot {first}" in gone.stderr

    missing = subprocess.run(
        [PROMPTJOBS, "sql", "select 1", "--at", "99999"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "has no snapshot 99999" in missing.stderr and len(missing.stderr.splitlines()) == 1


def test_at_on_a_file_warehouse_says_it_needs_a_ducklake(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env |= {"PROMPTJOBS_HOME": str(tmp_path / "home")}
    nothing = subprocess.run([PROMPTJOBS, "maintain"], capture_output=True, text=True, env=env)
    assert nothing.returncode == 1 and "no warehouse at" in nothing.stderr
    for command in (["sql", "select 1"], ["report"]):
        result = subprocess.run(
            [PROMPTJOBS, *command, "--at", "1"], capture_output=True, text=True, env=env
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "--at needs a DuckLake warehouse" in result.stderr
