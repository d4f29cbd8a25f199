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

    run(home, env, "export", str(tmp_path / "export"))
    assert (tmp_path / "export" / "postings.parquet").is_file()

    run(home, env, "report", "--out", str(tmp_path / "report"))
    assert (tmp_path / "report" / "index.html").is_file()
