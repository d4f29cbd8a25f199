"""Helpers for the report tests: warehouses built by the real refresh from a market written
by us (market.py), and Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from market import (
    CRAWLS,
    INJECTED_COMPANY,
    INJECTED_TITLE,
    REPORT_DAY,
    Job,
    build_warehouse,
    market,
)

__all__ = [
    "CRAWLS",
    "INJECTED_COMPANY",
    "INJECTED_TITLE",
    "REPORT_DAY",
    "Job",
    "build_warehouse",
    "job",
    "market",
    "open_reader",
    "write_jobs_warehouse",
]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)  # no stray promptjobs.toml from the repo


def open_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection like the warehouse reader: read-only, no file access."""
    return duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})


ROLE_TITLES = {"core": "Prompt Engineer", "adjacent": "LLM Engineer", "other": "Data Analyst"}
ROLE_DUTIES = {
    "core": "You will write, test and refine prompts and system prompts for our LLM products.",
    "adjacent": "Build RAG pipelines and LLM agents in production.",
    "other": "Build dashboards and reports for the finance team.",
}


def job(n: int, role: str = "core", *, lines: tuple[str, ...] = (), **fields: object) -> Job:
    """One job of a role class, seen on every crawl unless `seen` says otherwise; `lines`
    are requirement lines added to its description (skills, years)."""
    text = "\n".join(["About the role", ROLE_DUTIES[role], "Requirements", *lines])
    values: dict[str, object] = {
        "source": "greenhouse",
        "board": "northwind",
        "source_id": f"{role}-{n}",
        "company": f"Company {n % 7}",
        "title": ROLE_TITLES[role],
        "text": text,
        "posted_at": CRAWLS[0],
    }
    values.update(fields)
    return Job(**values)  # type: ignore[arg-type]


def write_jobs_warehouse(home: Path, jobs: list[Job], **kwargs: object) -> Path:
    return build_warehouse(home, jobs, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def market_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default market, built once per test process (the tests only read it)."""
    return build_warehouse(tmp_path_factory.mktemp("market") / "home", market())


@pytest.fixture(scope="session")
def history_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default market plus archive history (archive_market.REPORT_HISTORY): the report
    pages with a History figure and a booming verdict drawn from data."""
    from archive_market import REPORT_HISTORY, build_history_warehouse

    home = tmp_path_factory.mktemp("history-market") / "home"
    return build_history_warehouse(home, market(), REPORT_HISTORY)


@pytest.fixture
def sample_reader(market_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_reader(market_warehouse)
    yield con
    con.close()


def chromium_dom(page: Path, profile_dir: Path) -> str:
    """Open `page` offline in headless Chromium and return the DOM after scripts ran."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (make chromium)")
    command = [
        CHROMIUM if Path(CHROMIUM).exists() else "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile_dir}",
        "--virtual-time-budget=15000",
        "--dump-dom",
        page.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def figure_chunks(dom: str) -> dict[str, str]:
    """Split the DOM at each figure container: name -> the markup up to the next figure."""
    marks = list(re.finditer(r'data-figure="([^"]+)"', dom))
    chunks = {}
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(dom)
        chunks[mark.group(1)] = dom[mark.end() : end]
    return chunks
