"""Helpers for the report tests: small view-shaped warehouses written by us, and Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from dashboards.sample_warehouse import SampleSpec, build_sample_warehouse

REPO = Path(__file__).resolve().parents[2]
CLAIMS_SQL = sorted((REPO / "warehouse" / "views").glob("900_claims_*.sql"))
CHROMIUM = "/usr/bin/chromium"

# Untrusted text as a hostile board could send it.
INJECTED_COMPANY = (
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','company')\">Acme"
)
INJECTED_TITLE = (
    "Prompt Engineer <script>document.documentElement.setAttribute('data-pwned','title')</script>"
)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path / "home"))


def apply_claims_views(con: duckdb.DuckDBPyConnection) -> None:
    """Run the project's 900_claims_*.sql files, in file-name order, like create_views does."""
    assert CLAIMS_SQL, "warehouse/views/900_claims_*.sql not found"
    for path in CLAIMS_SQL:
        con.execute(path.read_text())


def open_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection like the warehouse reader: read-only, no file access."""
    return duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})


def write_warehouse(
    path: Path,
    spec: SampleSpec | None = None,
    tweak: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> Path:
    con = duckdb.connect(str(path))
    try:
        build_sample_warehouse(con, spec)
        if tweak:
            tweak(con)
        apply_claims_views(con)
    finally:
        con.close()
    return path


def inject_hostile_text(con: duckdb.DuckDBPyConnection) -> None:
    """Give the biggest employer and 30 core postings hostile names."""
    con.execute(
        "update top_employers set company = ? where company = "
        "(select company from top_employers order by postings desc limit 1)",
        [INJECTED_COMPANY],
    )
    con.execute(
        "update posting_facts set title = ? where posting_id in "
        "(select posting_id from posting_facts where role = 'core' order by posting_id limit 30)",
        [INJECTED_TITLE],
    )
    con.execute(
        "update source_summary set attribution_url = 'javascript:alert(1)' "
        "where source = 'greenhouse'"
    )


@pytest.fixture
def sample_reader(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_reader(write_warehouse(tmp_path / "warehouse.duckdb"))
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


FACT_COLUMNS: dict[str, str] = {
    "posting_id": "varchar",
    "canonical_posting_id": "varchar",
    "source": "varchar",
    "company": "varchar",
    "title": "varchar",
    "role": "varchar",
    "posted_at": "timestamp",
    "demand_date": "date",
    "seniority": "varchar",
    "remote": "varchar",
    "country": "varchar",
    "us_state": "varchar",
    "world_region": "varchar",
    "first_seen": "timestamp",
    "last_seen": "timestamp",
    "closed_at": "timestamp",
    "days_open": "double",
    "salary_min_annual_usd": "double",
    "salary_max_annual_usd": "double",
    "pay_usd": "double",
    "years_min": "integer",
    "years_max": "integer",
    "skill_count": "integer",
    "family_count": "integer",
}


def posting(n: int, **fields: object) -> dict[str, object]:
    """One posting_facts row with plausible defaults; pay_usd follows the contract's rule."""
    row: dict[str, object] = {
        "posting_id": f"greenhouse:{n}",
        "canonical_posting_id": f"greenhouse:{n}",
        "source": "greenhouse",
        "company": f"Company {n % 7}",
        "title": "Prompt Engineer",
        "role": "core",
        "demand_date": "2026-10-05",
        "first_seen": "2026-10-05 06:00:00",
        "last_seen": "2026-11-20 06:00:00",
        "seniority": "mid",
        "country": "US",
        "us_state": "CA",
        "world_region": "North America",
    }
    row.update(fields)
    lo, hi = row.get("salary_min_annual_usd"), row.get("salary_max_annual_usd")
    if lo is not None and hi is not None:
        row["pay_usd"] = (float(lo) + float(hi)) / 2  # type: ignore[arg-type]
    elif lo is not None or hi is not None:
        row["pay_usd"] = float(lo if lo is not None else hi)  # type: ignore[arg-type]
    return row


def write_facts_warehouse(
    path: Path,
    postings: list[dict[str, object]],
    families: dict[str, list[str]] | None = None,
) -> Path:
    """A warehouse holding only posting_facts and posting_families (plus the claims views)."""
    con = duckdb.connect(str(path))
    try:
        columns = ", ".join(f"{name} {kind}" for name, kind in FACT_COLUMNS.items())
        con.execute(f"create table posting_facts ({columns})")
        marks = ", ".join("?" for _ in FACT_COLUMNS)
        con.executemany(
            f"insert into posting_facts values ({marks})",
            [[row.get(name) for name in FACT_COLUMNS] for row in postings],
        )
        con.execute(
            "create table posting_families (canonical_posting_id varchar, role varchar, family varchar)"
        )
        roles = {str(row["canonical_posting_id"]): str(row["role"]) for row in postings}
        pairs = [
            [posting_id, roles[posting_id], family]
            for posting_id, names in (families or {}).items()
            for family in names
        ]
        if pairs:
            con.executemany("insert into posting_families values (?, ?, ?)", pairs)
        apply_claims_views(con)
    finally:
        con.close()
    return path
