"""Dagster warehouse refresh benchmark: file copies and wall time per run.

    .venv/bin/python benchmarks/dagster_refresh.py --demo            # real extraction
    .venv/bin/python benchmarks/dagster_refresh.py --postings 100000 # synthetic extraction
    .venv/bin/python benchmarks/dagster_refresh.py --postings 10000 --code /tmp/old-checkout

Lands the data into a tmp PROMPTJOBS_HOME (the demo boards crawled over HTTP, or the
synthetic postings of benchmarks/warehouse.py), then materialises every warehouse and
transforms asset in process, twice, on a real Dagster instance: run 1 loads everything,
run 2 is the next day's refresh (the synthetic data gets benchmarks/warehouse.py's daily
increment; the demo has nothing new). For each run it prints the wall time and how many
times the writer copied the database file (`warehouse.store`'s `shutil.copyfile`). With
`--postings` the extractor is benchmarks/warehouse.py's cheap stand-in, so the figures are
the warehouse's and Dagster's own. `--code DIR` runs the child against another checkout
(e.g. `git archive` of an older commit) to compare. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent
# The code under test: this checkout, or --code's (the child gets it in the environment).
# It replaces the script's own folder on the path: benchmarks/ has a warehouse.py.
CODE = Path(os.environ.get("PROMPTJOBS_BENCH_CODE", REPO)).resolve()
sys.path[0:1] = [str(CODE)]


def benchmark_module(name: str) -> ModuleType:
    """Another benchmark script as a module (by file: `warehouse` is the package's name)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    path = list(sys.path)
    spec.loader.exec_module(module)
    sys.path[:] = path  # the scripts put this checkout first: keep the code under test
    return module


def land(home: Path, postings: int | None) -> int:
    if postings is None:
        return benchmark_module("crash_trials").land_demo(home)
    bench = benchmark_module("warehouse")
    return bench.write_landing(bench.synthetic_postings(postings), home / "landing")


def child(home: Path, postings: int | None, increment_seed: int) -> None:
    """Run in a child process (its PYTHONPATH picks the code): two materialisations."""
    import shutil

    import dagster as dg

    import warehouse.store
    from pipelines.definitions import build_assets
    from pipelines.resources import build_resources

    # The code under test is imported first; the stand-ins of benchmarks/warehouse.py
    # then find its modules already loaded.
    bench = benchmark_module("warehouse")
    copies: list[str] = []
    real_copy = shutil.copyfile

    def counted(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        if ".duckdb.tmp-" in str(dst):  # the writer's working copy of the database file
            copies.append(str(src))
        return real_copy(src, dst, *args, **kwargs)

    warehouse.store.shutil.copyfile = counted  # type: ignore[attr-defined]
    if postings is not None:
        _use_synthetic_extractor(bench.synthetic_extract)
    selection = dg.AssetSelection.groups("warehouse", "transforms")
    results = []
    with (
        tempfile.TemporaryDirectory() as dagster_home,
        dg.instance_for_test(temp_dir=dagster_home) as instance,
    ):
        for run in (1, 2):
            if run == 2 and postings is not None:
                increment = bench.next_day(bench.synthetic_postings(postings), increment_seed)
                days = range(bench.SNAPSHOTS, bench.SNAPSHOTS + 1)
                bench.write_landing(increment, home / "landing", days)
            before = len(copies)
            started = time.perf_counter()
            result = dg.materialize(
                build_assets(),
                selection=selection,
                resources=build_resources(),
                instance=instance,
                raise_on_error=True,
            )
            wall = time.perf_counter() - started
            steps = len(result.get_step_success_events())
            results.append(
                {
                    "run": run,
                    "wall_s": round(wall, 2),
                    "file_copies": len(copies) - before,
                    "steps": steps,
                    "materializations": len(result.get_asset_materialization_events()),
                }
            )
    size = (home / "warehouse.duckdb").stat().st_size / 1e6
    print(json.dumps({"runs": results, "file_mb": round(size, 1)}))


def _use_synthetic_extractor(synthetic_extract) -> None:  # type: ignore[no-untyped-def]
    """Swap the real extractor for benchmarks/warehouse.py's stand-in, in either the
    current code (warehouse.refresh.transforms_extraction) or older checkouts
    (promptjobs.refresh.extraction_function)."""

    def extract(tables):  # type: ignore[no-untyped-def]
        return (synthetic_extract(t) for t in tables)

    import warehouse.refresh as refresh

    if hasattr(refresh, "transforms_extraction"):
        real = refresh.transforms_extraction

        def synthetic(workers: int = 0, fx_csv_text: str | None = None):  # type: ignore[no-untyped-def]
            return refresh.Extraction(extract, "bench-1", real(workers, fx_csv_text).taxonomy)

        refresh.transforms_extraction = synthetic  # type: ignore[assignment]
    else:
        import promptjobs.refresh as old

        old.extraction_function = lambda settings: extract  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--demo", action="store_true", help="the demo boards (default)")
    which.add_argument("--postings", type=int, help="synthetic postings instead of the demo")
    parser.add_argument("--code", type=Path, help="run the refreshes with this checkout")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.postings, increment_seed=7)
        return
    with tempfile.TemporaryDirectory(prefix="dagster-refresh-") as tmp:
        home = Path(tmp) / "home"
        started = time.perf_counter()
        records = land(home, args.postings)
        print(f"landed {records} records in {time.perf_counter() - started:.1f} s")
        code = (args.code or REPO).resolve()
        env = {
            **os.environ,
            "PYTHONPATH": str(code),
            "PROMPTJOBS_BENCH_CODE": str(code),
            "PROMPTJOBS_HOME": str(home),
            "PROMPTJOBS_ENV": "demo" if args.postings is None else "live",
        }
        cmd = [sys.executable, __file__, "--child", str(home)]
        if args.postings is not None:
            cmd += ["--postings", str(args.postings)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
        if proc.returncode:
            print(proc.stderr[-4000:])
            raise SystemExit("refresh failed")
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"code: {code}")
        for run in figures["runs"]:
            print(
                f"run {run['run']}: {run['wall_s']:.1f} s, {run['file_copies']} copies of the "
                f"database file, {run['steps']} step(s), {run['materializations']} "
                "materializations"
            )
        print(f"file: {figures['file_mb']} MB")


if __name__ == "__main__":
    main()
