"""The incremental work of a refresh (the views' bases, warehouse/views_incremental.py;
the lifecycle computed only for the postings the new runs can change) gives exactly what
a full rebuild gives on the same landing files: every table and every view,
day after day, with postings closing, reopening, edited, new, and duplicates appearing
across days; and a refresh run twice changes nothing."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from promptjobs.settings import load_settings
from scrapers.sources import dedupe_priorities
from warehouse.lifecycle import apply_lifecycle, compute_lifecycle
from warehouse.refresh import run_refresh
from warehouse.stats import compute_skill_pay_premium
from warehouse.views import create_views

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    # benchmarks/warehouse.py's synthetic market (its module name would shadow the
    # `warehouse` package, so it is loaded under another one).
    spec = importlib.util.spec_from_file_location(
        "bench_warehouse", REPO / "benchmarks" / "warehouse.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def checksums(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, str]]:
    """(rows, digest) of every table and view, rows sorted."""
    out = {}
    for name, kind in con.sql(
        "select table_name, 'table' from duckdb_tables() where not temporary "
        "union all select view_name, 'view' from duckdb_views() where not internal "
        "and not temporary order by 1"
    ).fetchall():
        rows = sorted(con.sql(f'select * from "{name}"').fetchall(), key=repr)
        out[f"{kind} {name}"] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


def refresh(home: Path, bench) -> dict:  # type: ignore[no-untyped-def]
    settings = load_settings({"home": str(home)}, environ={})
    summary = run_refresh(
        settings.open_warehouse(),
        settings.landing_dir,
        lambda pages: (bench.synthetic_extract(page) for page in pages),
        "bench-1",
        bench.TAXONOMY,
        source_priority=dedupe_priorities(),
    )
    return summary.view_s


def full_rebuild(db: Path, tmp: Path) -> dict[str, tuple[int, str]]:
    """The same warehouse with every posting's lifecycle and every base recomputed."""
    copy = tmp / "full.duckdb"
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    try:
        con.execute("set TimeZone = 'UTC'")
        compute_lifecycle(con)  # no runs marked as known: every posting
        apply_lifecycle(con)
        create_views(con, incremental=False)
        compute_skill_pay_premium(con)
        return checksums(con)
    finally:
        con.close()
        copy.unlink()


def current(db: Path) -> dict[str, tuple[int, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return checksums(con)
    finally:
        con.close()


def test_incremental_views_equal_a_full_rebuild_day_after_day(tmp_path: Path, bench) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    landing = home / "landing"
    postings = bench.synthetic_postings(1500, seed=11)
    bench.write_landing(postings, landing)
    first = refresh(home, bench)
    assert not any(
        k.startswith("incremental fing") for k in first
    )  # nothing to update yet: a full build
    db = home / "warehouse.duckdb"
    assert current(db) == full_rebuild(db, tmp_path)

    # Day 8: every live posting stays, 2% edited, 1% new (copies of existing jobs, so new
    # cross-source duplicates of old jobs appear), and 30 closed postings are listed again
    # (they reopen).
    S = bench.SNAPSHOTS
    closed = postings.filter(pl.col("end") < S).head(30)
    reopened = closed.with_columns(pl.lit(S).alias("start"), pl.lit(S + 1).alias("end"))
    day8 = pl.concat([bench.next_day(postings), reopened], how="vertical_relaxed")
    bench.write_landing(day8, landing, range(S, S + 1))
    second = refresh(home, bench)
    assert "incremental fingerprints" in second
    after_day8 = current(db)
    assert after_day8 == full_rebuild(db, tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    reopened_open = con.sql(
        "select count(*) from posting_facts where closed_at is null and posting_id in "
        "(select posting_id from postings where source_id in "
        f"({', '.join(repr(i) for i in reopened['source_id'].to_list())}))"
    ).fetchall()[0][0]
    con.close()
    assert reopened_open > 0

    # Refreshing the same landing files again changes nothing.
    refresh(home, bench)
    assert current(db) == after_day8

    # Day 9: a third of the live postings are gone (they close), the rest stay.
    day9 = day8.filter(pl.col("source_id").str.contains("[0-2]$")).with_columns(
        pl.lit(S + 1).alias("start"), pl.lit(S + 2).alias("end")
    )
    bench.write_landing(day9, landing, range(S + 1, S + 2))
    third = refresh(home, bench)
    assert "incremental fingerprints" in third
    assert current(db) == full_rebuild(db, tmp_path)
