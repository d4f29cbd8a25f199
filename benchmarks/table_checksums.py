"""Per-table checksums of a warehouse, to show a change leaves every table identical.

    python benchmarks/table_checksums.py <warehouse.duckdb> [--drop-run-ids]

Each table's rows are read sorted (without the wall-clock columns the crash trials also
leave out), hashed with SHA-256, and printed as `table  rows  sha256[:16]`. Run it on the
demo warehouse before and after a change and compare the two listings with `diff`.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crash_trials import RUN_IDENTITY_COLUMNS, WALL_CLOCK_COLUMNS  # noqa: E402

# A crawl's own clock (how long it took), which the crash trials compare by row count only.
CRAWL_TIMING = {"crawl_runs": ("started_at", "finished_at", "duration_s")}


def table_checksums(database: Path, drop_run_ids: bool) -> list[tuple[str, int, str]]:
    """(table, rows, digest) for every table of the warehouse, in name order."""
    # (closed_run_id names the crawl run that closed a posting: a run id like the others,
    # so two demos crawled at different times differ there too)
    drop = set((*RUN_IDENTITY_COLUMNS, "closed_run_id") if drop_run_ids else ())
    con = duckdb.connect(str(database), read_only=True)
    try:
        out = []
        tables = con.sql("select table_name from duckdb_tables() order by 1").fetchall()
        for (table,) in tables:
            cols = [
                c
                for (c,) in con.sql(
                    "select column_name from duckdb_columns() where table_name = ? "
                    "order by column_index",
                    params=[table],
                ).fetchall()
                if c not in drop
                and c not in WALL_CLOCK_COLUMNS.get(table, ())
                and c not in CRAWL_TIMING.get(table, ())
            ]
            # A table of only left-out columns still shows its row count.
            select = ", ".join(f'"{c}"' for c in cols) or "1"
            rows = sorted(con.sql(f'select {select} from "{table}"').fetchall(), key=repr)
            out.append((table, len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16]))
        return out
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", type=Path, help="the .duckdb file to read (read-only)")
    parser.add_argument(
        "--drop-run-ids",
        action="store_true",
        help="leave out run_id, landing_file and closed_run_id (random per crawl by design)",
    )
    args = parser.parse_args()
    if not args.warehouse.is_file():
        parser.exit(2, f"no warehouse at {args.warehouse}: run `promptjobs demo` first\n")
    for table, rows, digest in table_checksums(args.warehouse, args.drop_run_ids):
        print(f"{table:32} {rows:>8} {digest}")


if __name__ == "__main__":
    main()
