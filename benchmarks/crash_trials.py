"""Crash trials: SIGKILL the refresh at random moments, re-run it, compare with a clean run.

    .venv/bin/python benchmarks/crash_trials.py --trials 20 --demo-trials 4 --seed 8

1. Lands the demo boards once (DemoServer + the real spiders, every snapshot day).
2. References, each an uninterrupted `promptjobs refresh --no-crawl --no-report`:
   `scratch` (no warehouse yet, every landing file) and `incremental` (a warehouse loaded
   with all days but the last, then the last day's landing files added).
3. Each refresh trial copies a reference's starting home, starts the same command, SIGKILLs
   it after a random delay spread over the whole run time (half the trials), or 0-0.5 s
   after a randomly chosen progress line (the other half, so the short late phases are hit
   too), then checks: the warehouse is
   either absent/unchanged or complete (never half a load) and opens; a re-run finishes;
   every table (wall-clock columns aside) equals the reference's.
4. Each demo trial kills `promptjobs demo` (crawl, load, report) at a random moment, re-runs
   it, and compares the content tables with an uninterrupted demo run (the bookkeeping
   tables `crawl_runs`, `landing_files` and `posting_sightings` legitimately differ there:
   the re-run resumes a killed crawl board by board, so it lands more, smaller runs).

Only the killed command's main process gets SIGKILL (as from the OOM killer); worker
processes it leaves behind are counted, then stopped by their process group.
Prints figures; exits 1 if any trial lost, duplicated or corrupted data.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# Columns that record when something ran, not what was loaded.
WALL_CLOCK_COLUMNS = {
    "landing_files": ("loaded_at",),
    "extraction_runs": ("started_at", "finished_at"),
    "schema_version": ("applied_at",),
    "boards": ("last_checked", "accepted_at"),
    "boards_scanned": ("scanned_at",),
}
# Run bookkeeping that a resumed crawl legitimately splits into more runs, and the run ids
# that differ between any two crawls (they are random by design).
CRAWL_BOOKKEEPING = ("crawl_runs", "landing_files", "posting_sightings")
RUN_IDENTITY_COLUMNS = ("run_id", "landing_file")
# Progress lines of the refresh (warehouse.refresh), in order, and the phase that follows.
PHASES = (
    ("warehouse: landing_files=", "after swap"),
    ("views:", "checkpoint + swap"),
    ("dedupe:", "companies + views"),
    ("lifecycle:", "dedupe"),
    ("extracted", "extract + load"),
    ("ingested", "extract + load"),
)
REFRESH_MARKERS = ("ingested", "extracted", "lifecycle:", "dedupe:", "views:")
DEMO_MARKERS = ("[2/6]", "[6/6]", "ingested", "lifecycle:", "warehouse: landing_files=")
DEMO_PHASES = (
    ("report:", "report"),
    ("warehouse: landing_files=", "report"),
    ("ingested", "load"),
    ("[6/6]", "load"),
    ("crawled", "crawl"),
)

ORPHAN_GRACE_S = 10.0

Snapshot = dict[str, list[tuple]]


# The code the commands run: the repository, or a frozen copy of its HEAD (--frozen) so that
# commits landing during a long run cannot change the results between trials.
CODE = {"root": REPO}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "promptjobs.cli", *args]


def run_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env["PROMPTJOBS_HOME"] = str(home)
    env["PYTHONPATH"] = str(CODE["root"])
    return env


def freeze_code(target: Path) -> Path:
    """A copy of the committed tree (git archive HEAD) to run every command from."""
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "HEAD"], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def land_demo(home: Path, days: int | None = None) -> int:
    """Crawl the demo boards (every snapshot day, or the first `days`) into home/landing."""
    from promptjobs.settings import load_settings
    from scrapers.demo.server import DemoServer
    from scrapers.run import crawl

    settings = load_settings({"home": home}, environ={})
    items = 0
    with DemoServer() as demo:
        for day in demo.snapshot_dates[:days]:
            stats = crawl(
                settings.crawl_config(),
                demo.sources(day),
                boards=demo.boards(day),
                api_base=demo.api_bases(day),
                crawl_date=day,
                progress=False,
            )
            items += sum(s.get("items", 0) for s in stats)
    return items


def snapshot(
    database: Path, skip: tuple[str, ...] = (), drop_columns: tuple[str, ...] = ()
) -> Snapshot:
    """Every table, sorted, without wall-clock columns; opened read-only like a reader."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        tables = [r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()]
        snap: Snapshot = {}
        for table in sorted(set(tables) - set(skip)):
            cols = [
                r[0]
                for r in con.sql(
                    "select column_name from duckdb_columns() where table_name = ? "
                    "order by column_index",
                    params=[table],
                ).fetchall()
                if r[0] not in WALL_CLOCK_COLUMNS.get(table, ()) and r[0] not in drop_columns
            ]
            quoted = ", ".join(f'"{c}"' for c in cols)
            snap[table] = sorted(con.sql(f'select {quoted} from "{table}"').fetchall(), key=repr)
        return snap
    finally:
        con.close()


def differences(got: Snapshot, want: Snapshot) -> list[str]:
    out = []
    for table in sorted(set(got) | set(want)):
        a, b = got.get(table), want.get(table)
        if a != b:
            changed = len({repr(r) for r in a or []} ^ {repr(r) for r in b or []})
            out.append(
                f"{table}: {len(a) if a is not None else 'missing'} rows vs "
                f"{len(b) if b is not None else 'missing'} ({changed} differ)"
            )
    return out


def run_to_end(cmd: list[str], home: Path, timeout: float = 900) -> float:
    home.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    result = subprocess.run(
        cmd, env=run_env(home), cwd=home.parent, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[3:])} failed:\n{result.stderr[-3000:]}")
    return time.monotonic() - started


def group_members(pgid: int) -> list[int]:
    """Live processes of a process group (from /proc), the killed leader excluded."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and int(entry.name) != pgid and state != "Z":
            members.append(int(entry.name))
    return members


@dataclass
class KillResult:
    delay_s: float
    phase: str
    orphans: int
    lingering: int  # orphans still alive ORPHAN_GRACE_S after the kill
    finished_before_kill: bool


def kill_after(
    cmd: list[str],
    home: Path,
    delay: float,
    phases: tuple[tuple[str, str], ...],
    marker: str | None = None,
) -> KillResult:
    """Start `cmd`, SIGKILL its main process `delay` seconds after the start (or after
    `marker` first appears in its output), say in which phase it died."""
    home.parent.mkdir(parents=True, exist_ok=True)
    log = home.parent / "killed-run.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            cmd,
            env=run_env(home),
            cwd=home.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if marker is not None:
            deadline = time.monotonic() + 600
            while marker not in log.read_text(errors="replace") and proc.poll() is None:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.02)
        try:
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = False
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    text = log.read_text(errors="replace")
    phase = "startup + ingest"
    for line, name in phases:
        if line in text:
            phase = name
            break
    if finished:
        phase = "finished before the kill"
    # Worker processes the killed command leaves behind: how many, and for how long (they
    # should notice their parent is gone and exit by themselves).
    orphans = group_members(proc.pid)
    waited = 0.0
    while group_members(proc.pid) and waited < ORPHAN_GRACE_S:
        time.sleep(0.5)
        waited += 0.5
    lingering = group_members(proc.pid)
    for pid in lingering:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return KillResult(delay, phase, len(orphans), len(lingering), finished)


def warehouse_state(db: Path, candidates: dict[str, Snapshot]) -> str:
    """Which known state the warehouse is in right after a kill ('absent', a candidate's
    name) or 'CORRUPT'/'PARTIAL' if it is none of them."""
    if not db.exists():
        return "absent"
    try:
        snap = snapshot(db)
    except duckdb.Error as exc:
        return f"CORRUPT ({exc})"
    for name, want in candidates.items():
        if not differences(snap, want):
            return name
    return "PARTIAL"


def refresh_trials(work: Path, landing: Path, trials: int, rng: random.Random) -> list[dict]:
    refresh = cli("refresh", "--no-crawl", "--no-report")
    last_day = max(p.name.split("=")[1] for p in landing.glob("source=*/date=*"))

    def copy_landing(dst: Path, only_before_last: bool) -> None:
        for part in landing.glob("source=*/date=*"):
            if only_before_last and part.name == f"date={last_day}":
                continue
            shutil.copytree(part, dst / "landing" / part.parent.name / part.name)

    # Starting homes.
    scratch_start = work / "start-scratch" / "home"
    copy_landing(scratch_start, only_before_last=False)
    incr_start = work / "start-incremental" / "home"
    copy_landing(incr_start, only_before_last=True)
    run_to_end(refresh, incr_start)
    before_last = snapshot(incr_start / "warehouse.duckdb")
    for part in landing.glob(f"source=*/date={last_day}"):
        shutil.copytree(part, incr_start / "landing" / part.parent.name / part.name)

    references: dict[str, tuple[Path, Snapshot, float]] = {}
    for mode, start in (("scratch", scratch_start), ("incremental", incr_start)):
        ref = work / f"ref-{mode}" / "home"
        shutil.copytree(start, ref)
        seconds = run_to_end(refresh, ref)
        references[mode] = (start, snapshot(ref / "warehouse.duckdb"), seconds)
        print(f"reference {mode}: refresh {seconds:.1f} s")
    diff = differences(references["incremental"][1], references["scratch"][1])
    print(f"incremental reference vs scratch reference: {'; '.join(diff) or 'equal'}")

    results = []
    for n in range(trials):
        mode = "scratch" if n % 2 == 0 else "incremental"
        start, want, seconds = references[mode]
        home = work / f"trial-{n}" / "home"
        shutil.copytree(start, home)
        # Half the kills at a uniform moment of the run; half just after a randomly chosen
        # progress line, so every phase (also the short late ones) is hit.
        marker = rng.choice(REFRESH_MARKERS) if n % 4 >= 2 else None
        delay = rng.uniform(0.0, 0.5) if marker else rng.uniform(0.05, seconds)
        killed = kill_after(refresh, home, delay, PHASES, marker)
        db = home / "warehouse.duckdb"
        pre = {"before": before_last} if mode == "incremental" else {}
        state = warehouse_state(db, {**pre, "complete": want})
        run_to_end(refresh, home)
        diff = differences(snapshot(db), want)
        stale = [p.name for p in home.glob("warehouse.duckdb.tmp-*")]
        results.append(
            {
                "trial": n,
                "mode": mode,
                "delay_s": round(delay, 2),
                "after": marker or "start",
                "phase": killed.phase,
                "state_after_kill": state,
                "orphans": killed.orphans,
                "lingering": killed.lingering,
                "equal_after_rerun": not diff,
                "diff": diff,
                "stale_copies": stale,
            }
        )
        print(
            f"trial {n:2d} {mode:11s} kill {delay:4.2f} s after "
            f"{repr(marker) if marker else 'start'} ({killed.phase}): "
            f"after kill {state}; orphans {killed.orphans} ({killed.lingering} after "
            f"{ORPHAN_GRACE_S:.0f} s); after re-run "
            f"{'EQUAL' if not diff else 'DIFFERENT ' + '; '.join(diff)}"
        )
        shutil.rmtree(home.parent, ignore_errors=True)
    return results


def demo_trials(work: Path, trials: int, rng: random.Random) -> list[dict]:
    demo = cli("demo")
    ref = work / "ref-demo" / "home"
    seconds = run_to_end(demo, ref)
    want = snapshot(
        ref / "warehouse.duckdb", skip=CRAWL_BOOKKEEPING, drop_columns=RUN_IDENTITY_COLUMNS
    )
    print(f"reference demo: {seconds:.1f} s")
    results = []
    for n in range(trials):
        home = work / f"demo-trial-{n}" / "home"
        marker = rng.choice(DEMO_MARKERS) if n % 2 == 1 else None
        delay = rng.uniform(0.0, 0.5) if marker else rng.uniform(1.0, seconds)
        killed = kill_after(demo, home, delay, DEMO_PHASES, marker)
        leftovers = [p.name for p in (home / "landing").rglob(".*.tmp")]
        run_to_end(demo, home)
        got = snapshot(
            home / "warehouse.duckdb", skip=CRAWL_BOOKKEEPING, drop_columns=RUN_IDENTITY_COLUMNS
        )
        diff = differences(got, want)
        results.append(
            {
                "trial": n,
                "mode": "demo",
                "delay_s": round(delay, 2),
                "phase": killed.phase,
                "orphans": killed.orphans,
                "lingering": killed.lingering,
                "tmp_landing_left_by_kill": len(leftovers),
                "equal_after_rerun": not diff,
                "diff": diff,
            }
        )
        print(
            f"demo trial {n} kill {delay:4.1f} s after {repr(marker) if marker else 'start'} "
            f"({killed.phase}): {len(leftovers)} tmp "
            f"landing file(s) left, orphans {killed.orphans} ({killed.lingering} after "
            f"{ORPHAN_GRACE_S:.0f} s); after re-run "
            f"{'EQUAL' if not diff else 'DIFFERENT ' + '; '.join(diff)}"
        )
        shutil.rmtree(home.parent, ignore_errors=True)
    return results


def summarize(results: list[dict]) -> bool:
    refresh = [r for r in results if r["mode"] != "demo"]
    phases = Counter(r["phase"] for r in results)
    states = Counter(r.get("state_after_kill", "-") for r in refresh)
    bad = [r for r in results if not r["equal_after_rerun"]]
    bad += [r for r in refresh if r["state_after_kill"] not in ("absent", "before", "complete")]
    print("\n--- summary ---")
    print(f"trials: {len(results)} ({len(refresh)} refresh, {len(results) - len(refresh)} demo)")
    print("killed during: " + ", ".join(f"{k} {v}" for k, v in sorted(phases.items())))
    print("warehouse right after the kill: " + ", ".join(f"{k} {v}" for k, v in states.items()))
    print(
        f"processes left by the killed command: {sum(r['orphans'] for r in results)}, "
        f"still alive {ORPHAN_GRACE_S:.0f} s later: {sum(r['lingering'] for r in results)}"
    )
    print(f"equal to the uninterrupted run after re-run: {len(results) - len(bad)}/{len(results)}")
    return not bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20, help="refresh kill trials")
    parser.add_argument("--demo-trials", type=int, default=4, help="demo (crawl+load) trials")
    parser.add_argument("--days", type=int, default=None, help="demo snapshot days to land")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--workdir", type=Path, default=None, help="keep files here")
    parser.add_argument(
        "--frozen", action="store_true", help="run a copy of the committed HEAD, not the tree"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="crash-trials-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.frozen:
            CODE["root"] = freeze_code(work / "code")
            sys.path.insert(0, str(CODE["root"]))
            commit = subprocess.run(
                ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            print(f"running a frozen copy of HEAD {commit}")
        started = time.monotonic()
        landing_home = work / "landed" / "home"
        items = land_demo(landing_home, args.days)
        print(f"landed {items} demo postings in {time.monotonic() - started:.1f} s")
        results = refresh_trials(work, landing_home / "landing", args.trials, rng)
        if args.demo_trials:
            results += demo_trials(work, args.demo_trials, rng)
        ok = summarize(results)
        print(f"total {time.monotonic() - started:.0f} s")
        return 0 if ok else 1
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
