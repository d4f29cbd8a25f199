"""A longer crawl history under a kept benchmark warehouse, for the daily refresh's cost
as history grows (posting_sightings and crawl_runs gain rows with every crawl):

    .venv/bin/python benchmarks/warehouse.py --postings 1000000 --keep /tmp/b1m
    .venv/bin/python benchmarks/long_history.py /tmp/b1m --copies 10
    .venv/bin/python benchmarks/warehouse.py --daily-only /tmp/b1m

Rewrites the kept warehouse before the daily refresh (`warehouse.pre-daily.duckdb`): its
8 weekly snapshots' sightings, crawl runs and landing-file rows are copied `--copies`
times further into the past, 8 weeks per copy (10 copies: 88 weeks, 21M sightings and 704
runs at a million postings), as if every job had been listed before as well. The
postings' first_seen (and posting_latest's) move back to match, and the views are rebuilt
from scratch, so the daily refresh after it starts from a consistent warehouse. The
synthetic landing files stay as they are. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warehouse.store import STORAGE_VERSION  # noqa: E402
from warehouse.views import create_views  # noqa: E402

WEEKS_PER_COPY = 8
# SQL over a row and `k`, its copy number: its dates moved back k copies, and its run id
# (`YYYYMMDDT...-<hash>`, ordered by time as real ones are) with them.
DAYS_BACK = f"({7 * WEEKS_PER_COPY} * k)::integer"
INTERVAL_BACK = f"to_days({7 * WEEKS_PER_COPY} * k)"
RUN_ID_BACK = f"strftime(crawl_date - {DAYS_BACK}, '%Y%m%d') || substr(run_id, 9)"


def prepend_history(path: Path, copies: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("set TimeZone = 'UTC'")
    ks = f"range(1, {copies + 1}) t(k)"
    # In time order, oldest first, as the ingest would have appended them.
    con.execute(f"""
        create temp table history as
        select posting_id, source, board, content_hash, {RUN_ID_BACK} as run_id,
            crawl_date - {DAYS_BACK} as crawl_date, fetched_at - {INTERVAL_BACK} as fetched_at
        from posting_sightings, {ks}
        union all
        select * from posting_sightings
        order by crawl_date, run_id
    """)
    con.execute("delete from posting_sightings")
    con.execute("insert into posting_sightings select * from history")
    con.execute("drop table history")
    con.execute(f"""
        insert into crawl_runs
        select c.* replace (
            {RUN_ID_BACK} as run_id, crawl_date - {DAYS_BACK} as crawl_date,
            started_at - {INTERVAL_BACK} as started_at, finished_at - {INTERVAL_BACK} as finished_at
        )
        from crawl_runs c, {ks}
    """)
    con.execute(f"""
        insert into landing_files
        select f.* replace (
            {RUN_ID_BACK} as run_id, crawl_date - {DAYS_BACK} as crawl_date,
            'history-' || k || '/' || landing_file as landing_file
        )
        from landing_files f, {ks}
    """)
    # Their lifecycle is settled, as every refresh leaves the runs it took in.
    con.execute(
        "insert into lifecycle_runs select run_id from crawl_runs "
        "where run_id not in (select run_id from lifecycle_runs)"
    )
    first = "select posting_id, min(crawl_date) as first_seen from posting_sightings group by 1"
    con.execute(f"""
        update postings p set first_seen = s.first_seen from ({first}) s
        where s.posting_id = p.posting_id and p.first_seen is distinct from s.first_seen
    """)
    has_first_seen = con.sql(
        "select count(*) from duckdb_columns() "
        "where table_name = 'posting_latest' and column_name = 'first_seen'"
    ).fetchall()[0][0]
    if has_first_seen:  # (a checkout from before migration 015 has no such column)
        con.execute(f"""
            update posting_latest l set first_seen = s.first_seen from ({first}) s
            where s.posting_id = l.posting_id and l.first_seen is distinct from s.first_seen
        """)
    create_views(con, incremental=False)
    sightings, runs = con.sql(
        "select (select count(*) from posting_sightings), (select count(*) from crawl_runs)"
    ).fetchall()[0]
    con.close()
    # Rewritten compactly, as `promptjobs maintain` would (the delete left dead row groups).
    compact = path.with_name(path.name + ".compact")
    compact.unlink(missing_ok=True)
    copier = duckdb.connect()
    copier.execute(f"attach '{path}' as old (read_only)")
    copier.execute(f"attach '{compact}' as new (storage_version '{STORAGE_VERSION}')")
    copier.execute("copy from database old to new")
    copier.close()
    compact.replace(path)
    print(
        f"history: {(copies + 1) * WEEKS_PER_COPY} weeks, {sightings:,} sightings, "
        f"{runs:,} crawl runs; {path.stat().st_size / 1e6:,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("home", type=Path, help="A home kept with benchmarks/warehouse.py --keep.")
    parser.add_argument(
        "--copies", type=int, default=10, help="8-week copies of the history to prepend."
    )
    args = parser.parse_args()
    started = time.perf_counter()
    prepend_history(args.home / "warehouse.pre-daily.duckdb", args.copies)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
