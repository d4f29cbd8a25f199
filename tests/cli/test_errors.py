"""Errors a user can meet are one line on stderr and exit 1, never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env["PROMPTJOBS_HOME"] = str(home)
    return subprocess.run([PROMPTJOBS, *args], capture_output=True, text=True, env=env, cwd=home)


def test_sql_before_any_warehouse_says_what_to_run(tmp_path: Path) -> None:
    result = run(tmp_path, "sql", "select 1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "run `promptjobs demo` or `promptjobs refresh` first" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_report_before_any_warehouse_says_what_to_run(tmp_path: Path) -> None:
    result = run(tmp_path, "report")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no warehouse at" in result.stderr


def test_extract_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = run(tmp_path, "extract", str(tmp_path / "nope.jsonl"), "-o", "-")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "nope.jsonl" in result.stderr


def test_refresh_whose_every_source_fails_exits_1_after_loading(tmp_path: Path) -> None:
    # Nothing listens on port 9 of the loopback address: every board is refused at once.
    env_home = tmp_path
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env |= {"PROMPTJOBS_HOME": str(env_home), "PROMPTJOBS_API_BASE": "http://127.0.0.1:9"}
    result = subprocess.run(
        [PROMPTJOBS, "refresh", "--source", "greenhouse", "--no-report"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 1
    assert "every source failed to crawl" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "warehouse.duckdb").is_file()  # the load still ran
