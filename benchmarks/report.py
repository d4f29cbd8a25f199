"""Benchmark: how long build_report takes on a big warehouse (goal: 1M postings in under 30 s).

    .venv/bin/python benchmarks/report.py                      # synthetic, 1,000,000 postings
    .venv/bin/python benchmarks/report.py --postings 200000 --png
    .venv/bin/python benchmarks/report.py --real-views         # the warehouse's own views
    .venv/bin/python benchmarks/report.py --warehouse PATH     # an existing warehouse file

The synthetic warehouse holds view-shaped tables (dashboards.sample_warehouse) plus the
claims views; an existing warehouse is opened like the real reader (read-only, no file
access). Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dashboards.data import (  # noqa: E402
    CLAIMS_VIEWS,
    INDEX_VIEWS,
    load_views,
    snapshot_base_views,
)
from dashboards.report import build_report  # noqa: E402
from dashboards.sample_warehouse import (  # noqa: E402
    SKILLS,
    SampleSpec,
    build_sample_warehouse,
    sample_postings,
)


def synthetic_warehouse(path: Path, postings: int) -> float:
    started = time.perf_counter()
    con = duckdb.connect(str(path))
    try:
        build_sample_warehouse(con, SampleSpec(n_postings=postings, weeks=26, seed=11))
        for sql in sorted((REPO / "warehouse" / "views").glob("900_claims_*.sql")):
            con.execute(sql.read_text())
    finally:
        con.close()
    return time.perf_counter() - started


def real_schema_warehouse(home: Path, postings: int) -> tuple[Path, float]:
    """The same synthetic postings loaded into the warehouse's own tables, with its real views.

    Written through the warehouse API (migrations, create_views); only the table columns the
    views read are filled. Skill pay premium stats (computed by the refresh) stay empty.
    """
    import polars as pl

    from promptjobs.settings import load_settings
    from warehouse.views import create_views

    started = time.perf_counter()
    settings = load_settings({"home": home})
    facts, skills = sample_postings(SampleSpec(n_postings=postings, weeks=26, seed=11))
    taxonomy = pl.DataFrame(
        {
            "skill_id": [s[0] for s in SKILLS],
            "name": [s[1] for s in SKILLS],
            "category": [s[2] for s in SKILLS],
            "family": [s[3] for s in SKILLS],
        }
    )
    with settings.open_warehouse().writer() as con:
        con.register("bench_facts", facts)
        con.register("bench_skills", skills)
        con.register("bench_taxonomy", taxonomy)
        con.execute(
            """
            insert into postings by name
            select posting_id, source, split_part(posting_id, ':', 2) as source_id,
                   company, company_key(company) as company_key, title, role, seniority, remote,
                   country, us_state, world_region,
                   case when has_posted_at then demand_date::timestamp end as posted_at,
                   demand_date + first_seen_lag::integer as first_seen,
                   case when open_days >= 0
                        then demand_date + (first_seen_lag + open_days)::integer
                        else demand_date + first_seen_lag::integer end as last_seen,
                   case when open_days >= 0
                        then demand_date + (first_seen_lag + open_days)::integer end as closed_at,
                   years_min, years_max, salary_min_annual_usd, salary_max_annual_usd,
                   canonical_posting_id, md5(posting_id) as content_hash,
                   'bench' as extractor_version, 'bench' as extraction_run_id
            from bench_facts
            """
        )
        con.execute(
            "insert into skills by name select skill_id, name, category, family from bench_taxonomy"
        )
        con.execute(
            "insert into posting_skills by name "
            "select canonical_posting_id as posting_id, skill_id from bench_skills"
        )
        create_views(con)
    return Path(settings.warehouse_target), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=1_000_000)
    parser.add_argument("--warehouse", type=Path, help="existing warehouse file to report on")
    parser.add_argument(
        "--real-views",
        action="store_true",
        help="load the synthetic postings into the warehouse tables and use its real views",
    )
    parser.add_argument("--png", action="store_true", help="also time the PNG export")
    parser.add_argument("--out", type=Path, help="report folder (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="promptjobs-bench-") as tmp:
        if args.warehouse:
            path = args.warehouse
            print(f"warehouse: {path}")
        elif args.real_views:
            path, seconds = real_schema_warehouse(Path(tmp) / "home", args.postings)
            print(f"warehouse tables + real views: {args.postings:,} postings in {seconds:.1f} s")
        else:
            path = Path(tmp) / "warehouse.duckdb"
            seconds = synthetic_warehouse(path, args.postings)
            print(f"synthetic warehouse: {args.postings:,} postings in {seconds:.1f} s")
        con = duckdb.connect(str(path), read_only=True, config={"enable_external_access": False})
        try:
            (postings,) = con.sql("select count(*) from posting_facts").fetchone()
            out = args.out or Path(tmp) / "report"
            # The query phase alone (the build below repeats it): how much is the views' cost.
            started = time.perf_counter()
            with snapshot_base_views(con):
                load_views(con, INDEX_VIEWS)
                load_views(con, CLAIMS_VIEWS)
            query_seconds = time.perf_counter() - started
            started = time.perf_counter()
            cpu_started = time.process_time()
            result = build_report(con, out, png=False, report_date=date.today())
            html_seconds = time.perf_counter() - started
            # CPU seconds (all threads): less sensitive than wall time to a busy machine
            cpu_seconds = time.process_time() - cpu_started
            png_seconds = None
            if args.png:
                started = time.perf_counter()
                result = build_report(con, out, png=True, report_date=date.today())
                png_seconds = time.perf_counter() - started
        finally:
            con.close()
        size_mb = sum(p.stat().st_size for p in (result.index_path, result.claims_path)) / 1e6
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"postings in posting_facts: {postings:,}")
        print(f"reading the views alone (part of the build): {query_seconds:.2f} s")
        print(
            f"report build (HTML + summary.md, {len(result.figures)} figures): {html_seconds:.2f} s wall, "
            f"{cpu_seconds:.2f} s CPU"
        )
        if png_seconds is not None:
            print(f"report build with {len(result.pngs)} PNGs: {png_seconds:.2f} s")
        print(f"index.html + claims.html: {size_mb:.1f} MB; peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
