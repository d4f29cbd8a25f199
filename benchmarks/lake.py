"""The warehouse benchmark on a DuckLake target: first load, next daily refresh, size, RSS,
then the weekly `maintain` and the views' times before and after it.

    .venv/bin/python benchmarks/lake.py --postings 100000 --target ducklake-sqlite
    .venv/bin/python benchmarks/lake.py --postings 100000 --target ducklake-postgres

The same synthetic landing files, stand-in extractor and refresh as
benchmarks/warehouse.py (whose functions it reuses), with the warehouse set to a DuckLake:
a SQLite catalog in the benchmark home, or a Postgres catalog on a throwaway server
(Debian's PostgreSQL 15, initdb + pg_ctl in a temp dir on 127.0.0.1). The data path is
local (<home>/lake/). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from benchmarks import warehouse as bench  # noqa: E402
from benchmarks.readers import ReaderProbe  # noqa: E402

TARGET_ENV = "PJ_BENCH_LAKE_TARGET"


def child(home: str) -> None:
    """The refresh of benchmarks/warehouse.py, with the DuckLake target of TARGET_ENV."""
    import promptjobs.settings as settings_module

    target = json.loads(os.environ[TARGET_ENV])
    original = settings_module.load_settings

    def with_target(overrides=None, environ=None):  # type: ignore[no-untyped-def]
        return original({**(overrides or {}), **target}, environ=environ)

    settings_module.load_settings = with_target  # type: ignore[assignment]
    bench.child_load(home)


def maintain_child(home: str) -> None:
    """Run in a child process: `promptjobs maintain` as the weekly schedule runs it (the
    default retention and grace), timed, with its peak RSS."""
    import resource

    from promptjobs.settings import load_settings
    from warehouse.maintenance import maintain

    target = json.loads(os.environ[TARGET_ENV])
    settings = load_settings({"home": home, **target}, environ={})
    summary = maintain(
        settings.open_warehouse(), retention_days=settings.lake_snapshot_retention_days
    )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "total_s": summary.seconds,
                "cpu_s": usage.ru_utime + usage.ru_stime,
                "peak_rss_mb": usage.ru_maxrss / 1024,
                "lines": summary.lines(),
            }
        )
    )


def run_child(home: Path, target: dict[str, str], mode: str = "--child") -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, mode, str(home)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), TARGET_ENV: json.dumps(target)},
    )
    if proc.returncode:
        print(proc.stderr[-4000:])
        raise SystemExit("load failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def catalog_mb(home: Path, target: dict[str, str]) -> float:
    """The catalog's size: the SQLite file, or the Postgres database (pg_database_size)."""
    catalog = home / "catalog.sqlite"
    if catalog.exists():
        return catalog.stat().st_size / 1e6
    import conftest  # tests/conftest.py: where the Debian PostgreSQL binaries are

    conninfo = target["warehouse"].removeprefix("ducklake:postgres:")
    size = subprocess.run(
        [
            str(conftest.PG_BIN / "psql"),
            "-At",
            "-d",
            conninfo,
            "-c",
            "select pg_database_size(current_database())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return int(size) / 1e6


def view_times(home: Path, target: dict[str, str]) -> None:
    """Each report view fetched whole through a lake reader (best of 3)."""
    from promptjobs.settings import load_settings

    settings = load_settings({"home": home, **target}, environ={})
    with settings.open_warehouse().reader() as con:
        print("view query times (best of 3, full result fetched as Arrow):")
        for view in bench.VIEWS:
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                rows = con.sql(f"select * from {view}").to_arrow_table().num_rows
                best = min(best, time.perf_counter() - t)
            print(f"  {view:20s} {best:6.3f} s  {rows:>9,} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument(
        "--target", choices=("ducklake-sqlite", "ducklake-postgres"), default="ducklake-sqlite"
    )
    parser.add_argument(
        "--readers",
        action="store_true",
        help="Read the lake in a loop during the daily refresh and print the readers' "
        "latency (benchmarks/readers.py).",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--maintain-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.maintain_child:
        maintain_child(args.maintain_child)
        return

    home = Path(tempfile.mkdtemp(prefix="pj-bench-lake-"))
    server_cm = None
    try:
        data = home / "lake"
        if args.target == "ducklake-sqlite":
            target = {"warehouse": f"ducklake:sqlite:{home / 'catalog.sqlite'}"}
        else:
            import conftest  # tests/conftest.py: the throwaway PostgreSQL server

            server_cm = conftest.throwaway_postgres()
            server = server_cm.__enter__()
            target = {"warehouse": f"ducklake:postgres:{server.new_database()}"}
        target["lake_data_path"] = str(data)

        postings = bench.synthetic_postings(args.postings)
        records = bench.write_landing(postings, home / "landing")
        print(f"{args.target}: {postings.height:,} postings, {records:,} landed records")
        first = run_child(home, target)
        print(
            f"first load (whole refresh): {first['total_s']:.1f} s, of which "
            f"{first['extractor_s']:.1f} s in the stand-in extractor; "
            f"peak RSS {first['peak_rss_mb']:.0f} MB"
        )
        bench.print_breakdown(first)
        print(f"data files: {size_mb(data):.0f} MB, catalog {catalog_mb(home, target):.1f} MB")

        increment = bench.next_day(postings)
        del postings
        added = bench.write_landing(
            increment, home / "landing", range(bench.SNAPSHOTS, bench.SNAPSHOTS + 1)
        )
        t = time.perf_counter()
        with ReaderProbe(home, target) if args.readers else nullcontext() as readers:
            daily = run_child(home, target)
        print(
            f"next daily refresh ({added:,} landed records): {daily['total_s']:.1f} s "
            f"(child wall {time.perf_counter() - t:.1f} s), peak RSS {daily['peak_rss_mb']:.0f} MB"
        )
        bench.print_breakdown(daily)
        if readers is not None:
            print(readers.report())
        print(f"data files after the daily refresh: {size_mb(data):.0f} MB", end="")
        print(f", catalog {catalog_mb(home, target):.1f} MB")
        view_times(home, target)

        # The weekly upkeep at this size: small files of the two refreshes merged.
        kept = run_child(home, target, "--maintain-child")
        print(
            f"maintain (weekly schedule's defaults): {kept['total_s']:.1f} s "
            f"[{kept['cpu_s']:.1f} CPU], peak RSS {kept['peak_rss_mb']:.0f} MB"
        )
        for line in kept["lines"]:
            print(f"  {line}")
        print(f"data files after maintain: {size_mb(data):.0f} MB", end="")
        print(f", catalog {catalog_mb(home, target):.1f} MB")
        view_times(home, target)
    finally:
        if server_cm is not None:
            server_cm.__exit__(None, None, None)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
