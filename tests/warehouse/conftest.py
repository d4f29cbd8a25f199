"""Fixtures for the warehouse tests: landing files in the exact §1 format, a small
deterministic stand-in for the extractor (§2 output shape), and table snapshots.

Everything is written under a tmp PROMPTJOBS_HOME; nothing touches the repo.
"""

from __future__ import annotations

import gzip
import json
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest

from promptjobs.settings import Settings, load_settings
from scrapers.sources import dedupe_priorities
from warehouse.refresh import RefreshSummary, per_record, run_refresh
from warehouse.store import Warehouse

TAXONOMY: list[dict[str, Any]] = [
    {
        "id": "prompt_engineering",
        "name": "Prompt engineering",
        "category": "llm",
        "family": "ai_ml",
        "aliases": ("prompt engineering", "prompt design"),
    },
    {
        "id": "python",
        "name": "Python",
        "category": "language",
        "family": "programming",
        "aliases": ("python",),
    },
    {
        "id": "rag",
        "name": "RAG",
        "category": "llm",
        "family": "ai_ml",
        "aliases": ("rag", "retrieval"),
    },
    {
        "id": "evals",
        "name": "LLM evaluation",
        "category": "llm",
        "family": "ai_ml",
        "aliases": ("evals",),
    },
    {
        "id": "linguistics",
        "name": "Linguistics",
        "category": "language",
        "family": "linguistics_language",
        "aliases": ("linguistics",),
    },
]
SKILL_WORDS = {
    "prompt engineering": "prompt_engineering",
    "python": "python",
    "rag": "rag",
    "evals": "evals",
    "linguistics": "linguistics",
}
PLACES = {
    "san francisco, ca": ("San Francisco", "California", "US", "CA", "North America"),
    "new york, ny": ("New York", "New York", "US", "NY", "North America"),
    "austin, tx": ("Austin", "Texas", "US", "TX", "North America"),
    "london, uk": ("London", "England", "GB", None, "UK & Ireland"),
    "berlin, germany": ("Berlin", "Berlin", "DE", None, "Europe"),
}


# The dedupe priorities as the edges pass them down: read from the sources' metadata.
SOURCE_PRIORITY = dedupe_priorities()


def posting_item(source: str, source_id: str, **fields: Any) -> dict[str, Any]:
    """One PostingItem (docs/architecture.md §1) with realistic defaults."""
    item: dict[str, Any] = {
        "source": source,
        "board": "acme",
        "source_id": source_id,
        "url": f"https://boards.example.org/{source}/{source_id}",
        "company": "Acme AI",
        "title": "Prompt Engineer",
        "location_raw": "San Francisco, CA",
        "remote_hint": None,
        "description_html": None,
        "description_text": "We need prompt engineering and Python skills.",
        "posted_at": None,
        "updated_at": None,
        "fetched_at": "2026-10-01T06:00:00Z",
        "employment_type": "full-time",
        "compensation": None,
        "compensation_ranges": [],
        "attribution_url": None,
    }
    item.update(fields)
    return item


def usd_year(lo: float | None, hi: float | None) -> dict[str, Any]:
    """A structured compensation object in USD per year."""
    return {"min": lo, "max": hi, "currency": "USD", "period": "year", "raw": f"${lo}-${hi}"}


@dataclass
class Landing:
    """Writes landing files exactly as the scrapers do (§1)."""

    landing_dir: Path

    def write(
        self,
        source: str,
        crawl_date: str,
        items: Iterable[dict[str, Any]],
        boards_ok: list[str] | None = None,
        *,
        run_id: str | None = None,
        complete: bool = True,
        raw_lines: Iterable[str] = (),
        boards_failed: list[str] | None = None,
        boards_not_found: list[str] | None = None,
    ) -> Path:
        items = list(items)
        day = date.fromisoformat(crawl_date)
        run_id = run_id or f"{day:%Y%m%d}T060000-{secrets.token_hex(4)}"
        folder = self.landing_dir / f"source={source}" / f"date={crawl_date}"
        folder.mkdir(parents=True, exist_ok=True)
        data = folder / f"{run_id}.jsonl.gz"
        with gzip.open(data, "wt", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item) + "\n")
            for line in raw_lines:
                fh.write(line + "\n")
        if complete:
            boards = sorted({i["board"] for i in items}) if boards_ok is None else boards_ok
            stats = {
                "run_id": run_id,
                "source": source,
                "crawl_date": crawl_date,
                "started_at": f"{crawl_date}T06:00:00Z",
                "finished_at": f"{crawl_date}T06:01:00Z",
                "duration_s": 60.0,
                "status": "ok" if not boards_failed else "partial",
                "requests": len(items) + 1,
                "responses": len(items) + 1,
                "items": len(items),
                "items_invalid": 0,
                "errors": {},
                "boards_ok": boards,
                "boards_not_found": boards_not_found or [],
                "boards_failed": boards_failed or [],
            }
            (folder / f"{run_id}.stats.json").write_text(json.dumps(stats))
        return data


def fake_extract_one(record: dict[str, Any]) -> dict[str, Any]:
    """A deterministic extractor giving the §2 output shape from the input record."""
    title = (record.get("title") or "").lower()
    text = (record.get("text") or "").lower()
    role = (
        "core" if "prompt" in title else "adjacent" if "llm" in title or "ai " in title else "other"
    )
    seniority = "senior" if "senior" in title else None
    comp = record.get("compensation")
    salary = None
    salaries = []
    if comp and comp.get("currency") == "USD" and comp.get("period") == "year":
        salary = {
            "min": comp.get("min"),
            "max": comp.get("max"),
            "currency": "USD",
            "period": "year",
            "min_annual_usd": comp.get("min"),
            "max_annual_usd": comp.get("max"),
            "text": comp.get("raw"),
        }
        salaries.append({**salary, "label": None, "is_primary": True})
        for extra in record.get("compensation_ranges") or []:
            salaries.append(
                {
                    "min": extra.get("min"),
                    "max": extra.get("max"),
                    "currency": extra.get("currency"),
                    "period": extra.get("period"),
                    "min_annual_usd": extra.get("min"),
                    "max_annual_usd": extra.get("max"),
                    "text": extra.get("raw"),
                    "label": extra.get("label"),
                    "is_primary": False,
                }
            )
    found = [sid for word, sid in SKILL_WORDS.items() if re.search(rf"\b{word}\b", text)]
    place = PLACES.get((record.get("location") or "").lower())
    location = (
        {
            "city": place[0],
            "region": place[1],
            "country": place[2],
            "us_state": place[3],
            "world_region": place[4],
            "raw": record.get("location"),
        }
        if place
        else {
            "city": None,
            "region": None,
            "country": None,
            "us_state": None,
            "world_region": "Remote / unspecified",
            "raw": record.get("location"),
        }
    )
    return {
        "id": record["id"],
        "role": role,
        "seniority": seniority,
        "remote": record.get("remote_hint"),
        "salary": salary,
        "skills": found,
        "salary_source": "structured" if salary else None,
        "salaries": salaries,
        "skill_evidence": [
            {"skill_id": sid, "text": word} for word, sid in SKILL_WORDS.items() if sid in found
        ],
        "role_evidence": record.get("title"),
        "location": location,
        "years_experience": None,
        "skill_families": [],
        "extractor_version": "fake-1",
    }


def fake_extract(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield fake_extract_one(record)


# Columns filled from the wall clock: bookkeeping, not data, so snapshots leave them out.
WALL_CLOCK_COLUMNS = {
    "landing_files": ("loaded_at",),
    "extraction_runs": ("started_at", "finished_at"),
    "schema_version": ("applied_at",),
}


def snapshot_tables(
    database: Path | Warehouse, skip: frozenset[str] = frozenset()
) -> dict[str, list[tuple]]:
    """Every table of a warehouse (a file, or any target's `Warehouse`), sorted, without
    the wall-clock columns, and without the tables and columns named in `skip`."""
    if isinstance(database, Warehouse):
        with database.reader() as con:
            return _snapshot(con, skip)
    con = duckdb.connect(str(database), read_only=True)
    try:
        return _snapshot(con, skip)
    finally:
        con.close()


def _snapshot(con: duckdb.DuckDBPyConnection, skip: frozenset[str]) -> dict[str, list[tuple]]:
    tables = [
        r[0]
        for r in con.sql(
            "select table_name from duckdb_tables() "
            "where database_name = current_database() order by 1"
        ).fetchall()
        if r[0] not in skip
    ]
    snap = {}
    for table in tables:
        cols = [
            r[0]
            for r in con.sql(
                "select column_name from duckdb_columns() where table_name = ? "
                "and database_name = current_database() order by column_index",
                params=[table],
            ).fetchall()
            if r[0] not in WALL_CLOCK_COLUMNS.get(table, ()) and r[0] not in skip
        ]
        rows = con.sql(f"select {', '.join(cols)} from {table}").fetchall()
        snap[table] = sorted(rows, key=repr)
    return snap


def refresh_with_fakes(
    settings: Settings, version: str = "fake-1", **options: Any
) -> RefreshSummary:
    """The one refresh path (warehouse.refresh.run_refresh) over settings' home, with the
    fake extractor, the test taxonomy and the sources' priorities."""
    return run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        per_record(fake_extract),
        version,
        TAXONOMY,
        source_priority=SOURCE_PRIORITY,
        **options,
    )


@pytest.fixture
def settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warehouse_target: dict[str, str]
) -> Settings:
    """A tmp home on each warehouse target (tests/conftest.py: file, ducklake-sqlite,
    ducklake-postgres)."""
    home = tmp_path / "home"
    monkeypatch.setenv("PROMPTJOBS_HOME", str(home))
    for key, value in warehouse_target.items():
        monkeypatch.setenv(f"PROMPTJOBS_{key.upper()}", value)
    monkeypatch.chdir(tmp_path)  # no stray promptjobs.toml from the repo
    return load_settings({"home": home, **warehouse_target}, environ={})


@pytest.fixture
def landing(settings: Settings) -> Landing:
    return Landing(settings.landing_dir)


@pytest.fixture
def kit() -> SimpleNamespace:
    """The helpers above, for test modules (conftest itself cannot be imported)."""
    return SimpleNamespace(
        item=posting_item,
        usd=usd_year,
        extract=fake_extract,
        extract_batches=per_record(fake_extract),  # what run_refresh takes
        extract_one=fake_extract_one,
        taxonomy=TAXONOMY,
        snapshot=snapshot_tables,
        source_priority=SOURCE_PRIORITY,
        refresh=refresh_with_fakes,
        landing=Landing,
    )
