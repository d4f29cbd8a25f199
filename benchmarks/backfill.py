"""Backfill throughput on the loopback archive, and the cost model of a real run.

Part 1 (measured): `ArchiveReplay` on 127.0.0.1 serves N jobs per month (default 300) for M
months (default 3), on the five ATS families, each job page in its ATS's real page shape
(JSON-LD, or HTML only), every capture in Common Crawl (a WARC record by range) and every
other one in the Wayback Machine too. One `backfill()` lands them all: captures/s over the
whole run (child process start-up included, and over the crawl alone from the spider's own
clock), requests, and the crawl child's peak RSS. Politeness is lifted (loopback), as for
every mirror.

Part 2 (model): requests per month of history per ATS family, and the hours 36 months take
at the archives' polite rates (one request at a time per host: Common Crawl's index every
1.0 s, its data host every 0.55 s, the Wayback Machine every 6 s; cdx-toolkit's intervals).
The index sizes are ASSUMPTIONS (pass `--rows family=N` with the `showNumPages` of a real
month): rows = job-page captures an index lists per month and family; one index page holds
15,000 rows (pywb: 5 blocks of 3,000); each chosen job costs one fetch.

    .venv/bin/python benchmarks/backfill.py [--jobs 300] [--months 3] [--limit 500]
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scrapers.sources.archive.cdx import months_between  # noqa: E402
from scrapers.sources.archive.demo import DemoJob, job_page_html  # noqa: E402
from scrapers.sources.archive.patterns import PATTERNS  # noqa: E402
from scrapers.sources.archive.replay import ArchiveReplay, ReplayCapture  # noqa: E402
from scrapers.sources.archive.run import BackfillPlan, backfill  # noqa: E402

FAMILIES = ("greenhouse", "lever", "ashby", "workable", "smartrecruiters")
TITLES = ("Prompt Engineer", "LLM Evaluation Analyst", "Data Analyst", "AI Trainer", "Accountant")
DESCRIPTION = (
    "<h2>About the role</h2><p>Design and evaluate prompts for our assistant; write evals, "
    "red-team the model and work with research.</p><ul><li>3+ years of Python</li>"
    "<li>RAG, LangChain, vector search</li></ul><p>Benefits: health, 401k, equity.</p>" * 6
)
# Assumed job-page captures per month listed by one archive's index, per family.
ASSUMED_ROWS = {
    "greenhouse": 60_000,
    "lever": 40_000,
    "ashby": 15_000,
    "workable": 20_000,
    "smartrecruiters": 25_000,
}
ROWS_PER_PAGE = 15_000
INTERVAL_S = {"cc_index": 1.0, "cc_data": 0.55, "wayback": 6.0}


def job(n: int) -> DemoJob:
    ats = FAMILIES[n % len(FAMILIES)]
    job_id = {
        "greenhouse": str(4_000_000 + n),
        "lever": str(uuid.UUID(int=n)),
        "ashby": str(uuid.UUID(int=10**9 + n)),
        "workable": f"{n:010X}",
        "smartrecruiters": str(743_000_000_000_000 + n),
    }[ats]
    return DemoJob(
        ats,
        f"company{n % 97}",
        job_id,
        f"Company {n % 97}",
        TITLES[n % len(TITLES)],
        "San Francisco",
        "CA",
        "US",
        DESCRIPTION,
        "2024-01-02",
        salary=(150_000, 210_000, "USD", "YEAR") if n % 2 else None,
    )


def captures(jobs: int, months: list[str]) -> list[ReplayCapture]:
    out = []
    for m, month in enumerate(months):
        stamp = month.replace("-", "")
        for n in range(jobs):
            j = job(n + m * jobs // 3)  # two thirds of the jobs stay from month to month
            archives = ("commoncrawl", "wayback") if n % 2 else ("commoncrawl",)
            ts = f"{stamp}{10 + n % 18:02d}{n % 24:02d}{n % 60:02d}00"
            out.append(ReplayCapture(j.url, ts, job_page_html(j, jsonld=n % 3 != 0), archives))
    return out


def measure(jobs: int, month_count: int) -> None:
    months = months_between("2024-01", f"2024-{month_count:02d}")
    caps = captures(jobs, months)
    fetches = sum(len(c.archives) for c in caps)
    with ArchiveReplay(caps, page_size=5000) as server, tempfile.TemporaryDirectory() as tmp:
        plan = BackfillPlan(home=Path(tmp) / "home", months=months, archive_base=server.url)
        start = time.perf_counter()
        summary = backfill(plan, progress=False)
        wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    postings = sum(u["postings"] for u in summary["units"])
    fetched = sum(u["chosen"] for u in summary["units"])
    print(f"loopback archive: {len(caps)} captures of {jobs} jobs/month x {len(months)} months")
    print(f"  fetched {fetched} captures ({fetches} served), landed {postings} postings")
    print(f"  {summary['requests']} requests, errors: {summary['errors'] or 'none'}")
    print(f"  wall {wall:.1f} s incl. child start-up: {fetched / wall:.1f} captures/s")
    crawl_s = summary["duration_s"]
    print(f"  crawl {crawl_s:.1f} s (spider open to close): {fetched / crawl_s:.1f} captures/s")
    print(f"  crawl child peak RSS: {peak_mb:.0f} MB")


def cost_model(limit: int | None, rows: dict[str, int], months: int) -> None:
    print(f"\ncost model (rows per month are assumptions unless given), limit {limit or 'none'}:")
    print("  family           rows/month  CC index  CC data  WB index  WB fetch  requests/month")
    totals = {"cc_index": 0, "cc_data": 0, "wayback": 0}
    for family, n_rows in rows.items():
        urls = len(PATTERNS[family].cdx_urls)
        pages = math.ceil(n_rows / ROWS_PER_PAGE)
        index = urls * (1 + pages)  # showNumPages + each page, per index query URL
        # Job pages: one capture per job per month; a job page is captured about once a crawl.
        fetch = min(limit, n_rows) if limit else n_rows
        totals["cc_index"] += index
        totals["cc_data"] += fetch
        totals["wayback"] += index + fetch
        print(
            f"  {family:<16} {n_rows:>10,}  {index:>8}  {fetch:>7,}  {index:>8}  {fetch:>8,}"
            f"  {2 * index + 2 * fetch:>14,}"
        )
    hours = {k: v * months * INTERVAL_S[k] / 3600 for k, v in totals.items()}
    cc_hours = max(hours["cc_index"], hours["cc_data"])  # two hosts, each its own slot
    print(
        f"  {months} months: Common Crawl {cc_hours:,.1f} h (index {hours['cc_index']:,.1f} h, "
        f"data {hours['cc_data']:,.1f} h, in parallel); Wayback {hours['wayback']:,.1f} h; "
        f"both archives at once: {max(cc_hours, hours['wayback']):,.1f} h"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=300, help="jobs per month (loopback)")
    parser.add_argument("--months", type=int, default=3, help="months (loopback, <= 12)")
    parser.add_argument("--limit", type=int, default=500, help="--limit-per-month of the model")
    parser.add_argument("--history", type=int, default=36, help="months of the model")
    parser.add_argument(
        "--rows", action="append", default=[], help="family=N: job-page captures per month"
    )
    args = parser.parse_args()
    rows = dict(ASSUMED_ROWS)
    for spec in args.rows:
        name, _, value = spec.partition("=")
        rows[name] = int(value)
    measure(args.jobs, min(12, args.months))
    cost_model(args.limit or None, rows, args.history)
    cost_model(None, rows, args.history)


if __name__ == "__main__":
    main()
