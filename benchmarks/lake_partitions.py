"""Extraction on concurrent DuckLake writers (the `lake_partitioned_refresh` job's steps)
against the ordinary one-writer refresh, with the real extractor, on a Postgres catalog.

    .venv/bin/python benchmarks/lake_partitions.py --postings 40000   # 5,207 landed

The synthetic landing files of benchmarks/warehouse.py (one snapshot: about 13% of
`--postings` are open on it), extracted by the real spaCy extractor (transforms/), on a
throwaway PostgreSQL 15 catalog (tests/conftest.py) with a local data path. Three runs,
each on a fresh catalog:

- `refresh, N workers`: the warehouse refresh of `promptjobs refresh` as it is, one writer
  whose extraction uses N worker processes (PROMPTJOBS_WORKERS);
- `1 partition`: ingest, one partition writer with one worker, then the finishing refresh;
- `N partitions`: ingest, N partition writers at once (N processes, as the multiprocess
  or k8s executor runs them), one worker each, then the finishing refresh.

Each step is its own Python process, as it is under Dagster; a step's time is taken inside
it (after imports) and its wall time from outside. Prints figures; asserts nothing.
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from benchmarks import warehouse as bench  # noqa: E402


def child(step: str, index: int, count: int) -> None:
    """One step in this process, with the settings of the environment (PROMPTJOBS_*)."""
    from promptjobs.refresh import extract_partition, ingest_for_partitions, refresh_warehouse
    from promptjobs.settings import load_settings

    settings = load_settings()
    started = time.perf_counter()
    if step == "ingest":
        summary = ingest_for_partitions(settings)
    elif step == "extract":
        summary = extract_partition(settings, index, count)
    else:
        summary = refresh_warehouse(settings)
    seconds = time.perf_counter() - started
    print(json.dumps({"s": seconds, "extracted": summary.extracted, "steps": summary.step_s}))


def run_steps(env: dict[str, str], steps: list[tuple[str, int, int]]) -> tuple[float, list]:
    """Start every step at once; the wall time until the last ends, and their outputs."""
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--child", step, str(index), str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for step, index, count in steps
    ]
    outputs = []
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode:
            print(err[-4000:])
            raise SystemExit(f"a {steps[0][0]} step failed")
        outputs.append(json.loads(out.strip().splitlines()[-1]))
    return time.perf_counter() - started, outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=40_000)
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), int(args.child[2]))
        return

    import conftest  # tests/conftest.py: the throwaway PostgreSQL server

    n = args.partitions
    work = Path(tempfile.mkdtemp(prefix="pj-bench-partitions-"))
    try:
        postings = bench.synthetic_postings(args.postings)
        records = bench.write_landing(postings, work / "landing", range(1))
        print(
            f"{records:,} landed postings, real extractor, Postgres catalog, {os.cpu_count()} "
            f"cores, load average {os.getloadavg()[0]:.2f}"
        )
        runs = [
            (f"refresh, {n} workers", None, n),
            ("1 partition, 1 worker", 1, 1),
            (f"{n} partitions, 1 worker each", n, 1),
        ]
        with conftest.throwaway_postgres() as server:
            for name, partitions, workers in runs:
                home = work / name.replace(" ", "_").replace(",", "")
                shutil.copytree(work / "landing", home / "landing")
                env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
                env |= {
                    "PYTHONPATH": str(REPO),
                    "PROMPTJOBS_HOME": str(home),
                    "PROMPTJOBS_WAREHOUSE": f"ducklake:postgres:{server.new_database()}",
                    "PROMPTJOBS_WORKERS": str(workers),
                }
                if partitions is None:
                    wall, (out,) = run_steps(env, [("refresh", 0, 1)])
                    extract_s = out["steps"]["pending, extract, load"]
                    print(
                        f"{name:32s} whole {wall:6.1f} s; extraction step {extract_s:5.1f} s "
                        f"({out['extracted']:,} postings, {out['extracted'] / extract_s:,.0f}/s)"
                    )
                    continue
                ingest_wall, _ = run_steps(env, [("ingest", 0, 1)])
                extract_wall, outs = run_steps(
                    env, [("extract", i, partitions) for i in range(partitions)]
                )
                finish_wall, _ = run_steps(env, [("finish", 0, 1)])
                extracted = sum(o["extracted"] for o in outs)
                inside = ", ".join(f"{o['s']:.1f}" for o in outs)
                print(
                    f"{name:32s} whole {ingest_wall + extract_wall + finish_wall:6.1f} s; "
                    f"partition steps {extract_wall:5.1f} s wall ({extracted:,} postings, "
                    f"{extracted / extract_wall:,.0f}/s; inside each: {inside} s); "
                    f"ingest {ingest_wall:.1f} s, finish {finish_wall:.1f} s"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
