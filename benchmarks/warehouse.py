"""Warehouse benchmark: load N synthetic postings end to end and time every view.

    .venv/bin/python benchmarks/warehouse.py --postings 1000000

Writes synthetic landing files (§1 format, several weekly crawl snapshots, a share of
jobs cross-posted to HN/remote boards) into a tmp PROMPTJOBS_HOME, then runs the real
refresh (ingest -> pending -> a cheap synthetic extractor -> load -> lifecycle -> dedupe
-> views -> pay premium) in a child process, so the peak RSS reported is the load's own.
Then times each view (best of 3) and prints the database size. Prints figures; asserts
nothing. Goals (issue #5): load < 30 s, every view < 0.5 s, peak RSS < 2 GB.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from contextlib import nullcontext
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.readers import ReaderProbe  # noqa: E402
from dashboards.data import INDEX_VIEWS  # noqa: E402
from transforms.taxonomy import FAMILIES  # noqa: E402

# The views the report reads (docs/architecture.md section 4), timed one by one.
VIEWS = ("posting_facts", "posting_families", *INDEX_VIEWS)
ATS = ("greenhouse", "lever", "ashby", "workable", "smartrecruiters")
AGGREGATORS = ("hn", "remotive", "remoteok")
TITLES = (
    "Prompt Engineer",
    "Senior Prompt Engineer",
    "LLM Engineer",
    "AI Engineer",
    "Conversation Designer",
    "AI Trainer",
    "Machine Learning Engineer",
    "Data Analyst",
    "Backend Engineer",
    "Applied Scientist",
    "Staff Prompt Engineer",
    "RLHF Writer",
)
PLACES = (
    "San Francisco, CA",
    "New York, NY",
    "Austin, TX",
    "Seattle, WA",
    "London, UK",
    "Berlin, Germany",
    "Remote",
    "Toronto, Canada",
)
SKILLS = [f"skill_{i:03d}" for i in range(120)]
SNAPSHOTS = 8
FIRST_DAY = date(2026, 8, 3)


def synthetic_postings(n: int, seed: int = 20261125) -> pl.DataFrame:
    """n distinct jobs; ~4% are also cross-posted on an aggregator (extra rows)."""
    rng = np.random.default_rng(seed)
    companies = max(50, n // 50)
    company = rng.integers(0, companies, n)
    source = np.array(ATS)[company % len(ATS)]  # a company uses one ATS
    title = np.array(TITLES)[rng.integers(0, len(TITLES), n)]
    place = np.array(PLACES)[rng.integers(0, len(PLACES), n)]
    start = rng.integers(0, SNAPSHOTS, n)
    weeks = rng.integers(1, 4, n)  # listed for 1-3 snapshots
    has_pay = rng.random(n) < 0.45
    lo = np.round(rng.lognormal(np.log(150_000), 0.35, n), -3)
    frame = pl.DataFrame(
        {
            "source": source,
            "board": [f"co{c}" for c in company],
            "source_id": [str(i) for i in range(n)],
            "company": [f"Company {c} Inc." for c in company],
            "title": title,
            "location_raw": place,
            "start": start,
            "end": np.minimum(start + weeks, SNAPSHOTS),
            "pay_min": np.where(has_pay, lo, np.nan),
            "pay_max": np.where(has_pay, lo * 1.3, np.nan),
        }
    )
    dup = rng.random(n) < 0.04
    copies = frame.filter(pl.Series(dup)).with_columns(
        pl.Series("source", np.array(AGGREGATORS)[rng.integers(0, 3, int(dup.sum()))]),
        pl.lit("all").alias("board"),
        ("x" + pl.col("source_id")).alias("source_id"),
        pl.col("company").str.replace(" Inc.", ""),
    )
    return pl.concat([frame, copies])


def write_landing(
    postings: pl.DataFrame, landing: Path, snapshots: range = range(SNAPSHOTS), seal: bool = True
) -> int:
    """One landing file per (source, snapshot); returns the number of records.

    Each file is sealed as the spiders' pipeline seals what it writes (`landing_seal` in
    the stats: ingest then trusts its lines), once the ingest's own screen and the landing
    model have found every line valid; `seal=False` leaves the files unsealed, as files
    landed by another tool are, so ingest screens every line."""
    records = 0
    for snap in snapshots:
        day = FIRST_DAY + timedelta(days=7 * snap)
        live = postings.filter((pl.col("start") <= snap) & (pl.col("end") > snap))
        for (source,), part in live.group_by("source"):
            items = part.select(
                "source",
                "board",
                "source_id",
                pl.format("https://jobs.example.org/{}/{}", "source", "source_id").alias("url"),
                "company",
                "title",
                "location_raw",
                pl.lit(None, pl.String).alias("remote_hint"),
                pl.lit(None, pl.String).alias("description_html"),
                pl.format(
                    "{} at {}. You will write and evaluate prompts, build RAG pipelines in "
                    "Python and work with product teams. Skills: prompt design, evals.",
                    "title",
                    "company",
                ).alias("description_text"),
                pl.lit((FIRST_DAY + timedelta(days=7 * 0)).isoformat()).alias("posted_at"),
                pl.lit(None, pl.String).alias("updated_at"),
                pl.lit(f"{day.isoformat()}T06:00:00Z").alias("fetched_at"),
                pl.lit("full-time").alias("employment_type"),
                pl.when(pl.col("pay_min").is_not_nan())
                .then(
                    pl.struct(
                        pl.col("pay_min").alias("min"),
                        pl.col("pay_max").alias("max"),
                        pl.lit("USD").alias("currency"),
                        pl.lit("year").alias("period"),
                        pl.lit("$").alias("raw"),
                    )
                )
                .alias("compensation"),
                pl.lit([], pl.List(pl.String)).alias("compensation_ranges"),
                pl.lit(None, pl.String).alias("attribution_url"),
            )
            run_id = f"{day:%Y%m%d}T060000-{zlib.crc32(source.encode()):08x}"
            folder = landing / f"source={source}" / f"date={day.isoformat()}"
            folder.mkdir(parents=True, exist_ok=True)
            buffer = items.write_ndjson()
            data = gzip.compress(buffer.encode(), 1)
            (folder / f"{run_id}.jsonl.gz").write_bytes(data)
            boards = sorted(set(part["board"].to_list()))
            stats = {
                "run_id": run_id,
                "source": source,
                "crawl_date": day.isoformat(),
                "status": "ok",
                "items": part.height,
                "boards_ok": boards,
                "boards_not_found": [],
                "boards_failed": [],
            }
            if seal:
                stats["landing_seal"] = _checked_seal(buffer, data)
            (folder / f"{run_id}.stats.json").write_text(json.dumps(stats))
            records += part.height
    return records


def _checked_seal(buffer: str, data: bytes) -> dict[str, str]:
    """The seal of a synthetic landing file, after the model accepted every line (the
    screen clears most; the model judges the rest, as ingest would)."""
    from scrapers.records import landing_json_problem, landing_seal
    from warehouse.landing_ingest import LANDING_SCHEMA
    from warehouse.landing_screen import suspects

    lines = buffer.splitlines()
    frame = pl.read_ndjson(buffer.encode(), schema=LANDING_SCHEMA)
    for index in suspects(frame, pl.Series(lines)).arg_true().to_list():
        problem = landing_json_problem(lines[index])
        if problem is not None:
            raise ValueError(f"synthetic landing line {index + 1} invalid: {problem}")
    return landing_seal(hashlib.sha256(data).hexdigest(), len(lines))


def next_day(postings: pl.DataFrame, seed: int = 7, boards: int | None = None) -> pl.DataFrame:
    """The crawl after the last snapshot: every live posting stays listed, 2% of them
    edited, plus 1% new postings (a realistic daily increment). `boards`: the crawl covers
    only that many ATS boards (companies 0..boards-1) and their postings, so the increment
    is the same whatever the size of the warehouse under it."""
    rng = np.random.default_rng(seed)
    if boards is not None:
        # (the aggregators' board "all" is not crawled that day: its complete crawl
        # would close every copy outside these boards)
        postings = postings.filter(pl.col("board").is_in([f"co{c}" for c in range(boards)]))
    live = postings.filter(pl.col("end") == SNAPSHOTS)
    edited = pl.Series(rng.random(live.height) < 0.02)
    live = live.with_columns(
        pl.when(edited)
        .then(pl.col("title") + " (updated)")
        .otherwise(pl.col("title"))
        .alias("title"),
        pl.lit(SNAPSHOTS + 1, dtype=pl.Int64).alias("end"),
    )
    fresh = postings.sample(max(1, postings.height // 100), seed=seed).with_columns(
        ("new" + pl.col("source_id")).alias("source_id"),
        pl.lit(SNAPSHOTS).alias("start"),
        pl.lit(SNAPSHOTS + 1, dtype=pl.Int64).alias("end"),
    )
    return pl.concat([live, fresh], how="vertical_relaxed")


def run_child(home: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child-load", str(home)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    if proc.returncode:
        print(proc.stderr)
        raise SystemExit("load failed")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def synthetic_extract(page: pa.Table) -> pa.Table:
    """A cheap stand-in for the real extractor, vectorised: the section 2 output shape
    (3-6 skills each) as the Arrow table the real extractor's workers hand over."""
    h = pl.col("id").hash(seed=0)
    text = pl.col("title").str.to_lowercase()
    comp = pl.col("compensation")
    skills = (
        pl.concat_list([(h // (1 << (7 * k))) % len(SKILLS) for k in range(6)])
        .list.head(3 + h % 4)
        .list.eval(pl.format("skill_{}", pl.element().cast(pl.String).str.zfill(3)))
    )
    none = pl.lit(None, pl.String)
    salary = pl.struct(
        comp.struct.field("min").alias("min"),
        comp.struct.field("max").alias("max"),
        pl.lit("USD").alias("currency"),
        pl.lit("year").alias("period"),
        comp.struct.field("min").alias("min_annual_usd"),
        comp.struct.field("max").alias("max_annual_usd"),
        comp.struct.field("raw").alias("text"),
        none.alias("label"),
        pl.lit(True).alias("is_primary"),
    )
    frame = pl.from_arrow(page).select(
        "id",
        pl.when(text.str.contains("prompt"))
        .then(pl.lit("core"))
        .when(text.str.contains("ai"))
        .then(pl.lit("adjacent"))
        .otherwise(pl.lit("other"))
        .alias("role"),
        pl.col("title").alias("role_evidence"),
        pl.when(text.str.contains("senior"))
        .then(pl.lit("senior"))
        .otherwise(pl.lit("mid"))
        .alias("seniority"),
        pl.when(pl.col("location") == "Remote")
        .then(pl.lit("remote"))
        .otherwise(pl.lit("onsite"))
        .alias("remote"),
        pl.struct(
            none.alias("city"),
            none.alias("region"),
            pl.when(pl.col("location").str.contains(", ")).then(pl.lit("US")).alias("country"),
            pl.col("location").str.slice(-2).alias("us_state"),
            pl.lit("North America").alias("world_region"),
        ).alias("location"),
        pl.lit(None, pl.Struct({"min": pl.Float64, "max": pl.Float64})).alias("years_experience"),
        pl.when(comp.is_not_null()).then(salary).alias("salary"),
        pl.lit(None, pl.List(pl.Null)).alias("salaries"),
        pl.when(comp.is_not_null()).then(pl.lit("structured")).alias("salary_source"),
        skills.alias("skills"),
        skills.list.eval(
            pl.struct(pl.element().alias("skill_id"), pl.element().alias("text"))
        ).alias("skill_evidence"),
    )
    return frame.to_arrow()


TAXONOMY = [
    {
        "id": s,
        "name": s.replace("_", " "),
        "category": "x",
        "family": FAMILIES[i % 7],
        "aliases": (),
    }
    for i, s in enumerate(SKILLS)
]


class RssSampler:
    """This process's resident memory sampled every 20 ms in a thread: the peak since the
    last `take()`, so each stage of the refresh gets its own peak (getrusage gives only the
    whole run's)."""

    PAGE = os.sysconf("SC_PAGE_SIZE")

    def __init__(self) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with open("/proc/self/statm", "rb") as statm:
            while not self._stop.wait(0.02):
                statm.seek(0)
                self.peak = max(self.peak, int(statm.read().split()[1]) * self.PAGE)

    def take(self) -> float:
        """The peak since the last call, in MB (and start over)."""
        peak, self.peak = self.peak, 0
        return peak / 2**20  # MiB, like the getrusage peak printed beside it

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def child_load(home: str) -> None:
    """Run in a child process: the refresh, timed stage by stage, with each stage's peak
    resident memory."""
    from promptjobs.settings import load_settings
    from scrapers.sources import dedupe_priorities
    from warehouse.refresh import run_refresh

    settings = load_settings({"home": home}, environ={})
    stamps: list[tuple[str, float]] = []
    stage_rss: list[tuple[str, float]] = []
    last = [time.perf_counter()]
    rss = RssSampler()

    def progress(message: str) -> None:
        now = time.perf_counter()
        if not message.startswith("extracted"):
            stamps.append((message, now - last[0]))
            stage_rss.append((message.split(":")[0], rss.take()))
            last[0] = now

    extractor_s = [0.0]

    def timed_extract(pages):  # type: ignore[no-untyped-def]
        # Time spent inside the stand-in extractor, which is not warehouse work (the
        # pages are fetched outside the timer: that is the warehouse's work).
        for page in pages:
            t = time.perf_counter()
            out = synthetic_extract(page)
            extractor_s[0] += time.perf_counter() - t
            yield out

    started = time.perf_counter()
    warehouse = settings.open_warehouse()
    summary = run_refresh(
        warehouse,
        settings.landing_dir,
        timed_extract,
        "bench-1",
        TAXONOMY,
        progress=progress,
        source_priority=dedupe_priorities(),
    )
    total = time.perf_counter() - started
    stage_rss.append(("writer close", rss.take()))
    rss.stop()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024
    print(
        json.dumps(
            {
                "total_s": total,
                "cpu_s": usage.ru_utime + usage.ru_stime,
                "load": os.getloadavg()[0],
                # (getattr: the same script also measures a checkout from before these.)
                "steps": getattr(summary, "step_s", {}),
                "views": getattr(summary, "view_s", {}),
                "writer": getattr(warehouse, "write_timings", {}),
                "writer_copy": getattr(warehouse, "write_copy", ""),
                "extractor_s": extractor_s[0],
                "peak_rss_mb": peak_mb,
                "stages": stamps,
                "stage_rss_mb": stage_rss,
                "summary": summary.as_dict(),
            }
        )
    )


def print_breakdown(result: dict) -> None:
    """The refresh step by step, the writer's file work, and the slowest view files."""
    print(
        f"  wall {result['total_s']:.2f} s, CPU {result['cpu_s']:.2f} s (user+sys, whole "
        f"child), load average {result['load']:.2f}"
    )
    for step, seconds in result["steps"].items():
        print(f"  {seconds:6.2f} s  {step}")
    for part, seconds in result["writer"].items():
        how = f" ({result['writer_copy']})" if part == "copy" and result.get("writer_copy") else ""
        print(f"  {seconds:6.2f} s    writer {part}{how}")
    if "stage_rss_mb" in result:
        print(
            "  peak RSS by stage (MB): "
            + ", ".join(f"{name} {mb:,.0f}" for name, mb in result["stage_rss_mb"])
        )
    slow = sorted(result["views"].items(), key=lambda kv: -kv[1])
    print("  view files: " + ", ".join(f"{name} {sec:.2f}" for name, sec in slow[:12]))


def daily_only(home: Path) -> None:
    """Re-run the kept daily refresh: restore the warehouse as it was before it."""
    shutil.copyfile(home / "warehouse.pre-daily.duckdb", home / "warehouse.duckdb")
    daily = run_child(home)
    d = daily["summary"]
    print(
        f"next daily refresh ({d['raw_rows_new']:,} new versions, {d['extracted']:,} "
        f"extracted, {d['newly_closed']:,} closed): {daily['total_s']:.2f} s"
    )
    print_breakdown(daily)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Keep the benchmark home here.")
    parser.add_argument(
        "--daily-boards",
        type=int,
        help="The next daily crawl covers only this many boards (default: every board), "
        "so the increment stays the same across --sizes (2000: all of a 100k warehouse's).",
    )
    parser.add_argument(
        "--sizes", help="Comma-separated postings counts, run one after another (a sweep)."
    )
    parser.add_argument(
        "--daily-only",
        type=Path,
        help="A home kept with --keep: re-run only its next daily refresh.",
    )
    parser.add_argument(
        "--readers",
        action="store_true",
        help="Read the warehouse in a loop during the daily refresh and print the readers' "
        "latency (benchmarks/readers.py; it takes CPU from the refresh it watches).",
    )
    parser.add_argument(
        "--unsealed",
        action="store_true",
        help="Land the synthetic files without the landing seal the spiders write, as "
        "files from another tool are: ingest then screens every line with the landing model.",
    )
    parser.add_argument("--child-load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_load:
        child_load(args.child_load)
        return
    if args.daily_only:
        daily_only(args.daily_only)
        return
    if args.sizes:
        for size in args.sizes.split(","):
            print(f"=== {int(size):,} postings ===", flush=True)
            extra = ["--readers"] if args.readers else []
            extra += ["--unsealed"] if args.unsealed else []
            extra += ["--daily-boards", str(args.daily_boards)] if args.daily_boards else []
            subprocess.run([sys.executable, __file__, "--postings", size, *extra], check=True)
        return

    home = args.keep or Path(tempfile.mkdtemp(prefix="pj-bench-wh-"))
    try:
        t0 = time.perf_counter()
        postings = synthetic_postings(args.postings)
        records = write_landing(postings, home / "landing", seal=not args.unsealed)
        print(
            f"synthetic: {postings.height:,} postings ({args.postings:,} jobs + cross-posts), "
            f"{records:,} landed records in {SNAPSHOTS} weekly snapshots "
            f"({time.perf_counter() - t0:.1f} s to write)"
        )
        result = run_child(home)
        # The goal's "load": everything the refresh does except the views step and the
        # time inside the (stand-in) extractor: ingest, the extraction hand-off both ways,
        # the merge into postings/skills/salaries, lifecycle, dedupe, the final commit.
        views_s = dict((m.split(":")[0], t) for m, t in result["stages"]).get("views", 0.0)
        load_s = result["total_s"] - views_s - result["extractor_s"]
        print(
            f"load with skills, lifecycle and dedupe: {load_s:.1f} s (goal < 30 s); "
            f"views and pay premium: {views_s:.1f} s; whole refresh {result['total_s']:.1f} s, "
            f"of which {result['extractor_s']:.1f} s inside the stand-in extractor"
        )
        print_breakdown(result)
        s = result["summary"]
        print(
            f"  postings {s['postings_total']:,}, canonical jobs {s['canonical_jobs']:,}, "
            f"clusters {s['clusters']:,}, closed {s['closed_postings']:,}, "
            f"pay-premium skills {s['pay_premium_skills']}"
        )
        print(f"peak RSS of the load: {result['peak_rss_mb']:.0f} MB")
        db = home / "warehouse.duckdb"
        print(f"database size: {db.stat().st_size / 1e6:.0f} MB")

        if args.keep:
            shutil.copyfile(db, home / "warehouse.pre-daily.duckdb")
        increment = next_day(postings, boards=args.daily_boards)
        del postings
        added = write_landing(
            increment, home / "landing", range(SNAPSHOTS, SNAPSHOTS + 1), seal=not args.unsealed
        )
        with ReaderProbe(home) if args.readers else nullcontext() as readers:
            daily = run_child(home)
        d = daily["summary"]
        print(
            f"next daily refresh on top ({added:,} landed records, {d['raw_rows_new']:,} new "
            f"versions, {d['extracted']:,} extracted, {d['newly_closed']:,} closed): "
            f"{daily['total_s']:.1f} s, peak RSS {daily['peak_rss_mb']:.0f} MB"
        )
        print_breakdown(daily)
        if readers is not None:
            print(readers.report())

        from promptjobs.settings import load_settings

        settings = load_settings({"home": home}, environ={})
        with settings.open_warehouse().reader() as con:
            print("view query times (best of 3, full result fetched as Arrow):")
            for view in VIEWS:
                best = float("inf")
                for _ in range(3):
                    t = time.perf_counter()
                    rows = con.sql(f"select * from {view}").to_arrow_table().num_rows
                    best = min(best, time.perf_counter() - t)
                flag = "" if best < 0.5 else "  (over 0.5 s goal)"
                print(f"  {view:20s} {best:6.3f} s  {rows:>9,} rows{flag}")
    finally:
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
