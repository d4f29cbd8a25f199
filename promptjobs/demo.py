"""`promptjobs demo`: the whole chain, offline, on the embedded demo boards.

The demo boards are served over real HTTP on 127.0.0.1 and crawled by the real
spiders, one crawl per snapshot day, so the warehouse gets a real history
(new, continuing and closed postings).
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console

from common.usd import format_usd
from promptjobs.refresh import build_report_from_settings, load_warehouse, record_in_dagster
from promptjobs.settings import Settings

QUERIES = resources.files("warehouse") / "queries"
SUMMARY_SQL = QUERIES / "demo_summary.sql"
TOP_SKILLS_SQL = QUERIES / "demo_top_skills.sql"


def run_demo(settings: Settings, *, png: bool = False, console: Console | None = None) -> dict:
    from pipelines.cli_runs import CrawlRecord
    from promptjobs.boards import board_row, discover, discovered_for_crawl
    from scrapers.demo.market import caveat
    from scrapers.demo.server import DemoServer
    from scrapers.registry import ATS_SOURCES
    from scrapers.run import crawl

    console = console or Console(stderr=True)
    started = time.monotonic()
    settings.ensure_home()
    crawls: list[CrawlRecord] = []
    with DemoServer() as demo:
        days = demo.snapshot_dates
        console.print(
            f"demo boards on 127.0.0.1: {len(days)} snapshot days "
            f"{days[0].isoformat()} .. {days[-1].isoformat()}"
        )
        # The demo's registry: the boards its board lists name. Boards linked from what it
        # crawls are found by discovery after each day and crawled from the next day on.
        registry = [board_row(s, b) for s in ATS_SOURCES for b in demo.boards(days[0]).get(s, [])]
        for n, day in enumerate(days, 1):
            # A "site" source's boards are its start URLs (scrapers.run passes them as urls).
            boards = demo.boards(day)
            for found in discovered_for_crawl(settings):
                # A board joins the crawl the day after the posting that linked it was
                # crawled, so a second demo run crawls exactly what the first one did.
                if found["first_seen"] is None or found["first_seen"] >= day:
                    continue
                listed = boards.setdefault(found["ats"], [])
                if found["board"] not in listed:
                    listed.append(found["board"])
            stats = crawl(
                settings.crawl_config(),
                demo.sources(day),
                boards=boards,
                api_base=demo.api_bases(day),
                crawl_date=day,
                progress=False,
            )
            crawls.extend(CrawlRecord(day, s) for s in stats)
            items = sum(s.get("items", 0) for s in stats)
            failed = [s["source"] for s in stats if s.get("status") == "failed"]
            frame = discover(settings, api_base=demo.api_bases(day), registry=registry)
            console.print(
                f"[{n}/{len(days)}] crawled {day.isoformat()}: {items} postings from "
                f"{len(stats)} sources"
                + (f" (failed: {', '.join(failed)})" if failed else "")
                + f"; discovery: {frame['new_candidates']} new board(s), "
                f"{frame['checked_valid']} valid"
            )
    refreshed = load_warehouse(settings, console)
    load = refreshed.as_dict()
    report = build_report_from_settings(settings, png=png, report_date=days[-1], caveat=caveat())
    summary = demo_summary(settings)
    record_in_dagster(
        settings, crawls, refreshed, (report, settings.report_dir_for(days[-1]), days[-1]), console
    )
    elapsed = time.monotonic() - started
    print_summary(console, settings, report, summary, load, elapsed)
    return {"load": load, "report": str(report), "summary": summary}


def demo_summary(settings: Settings) -> dict[str, Any]:
    with settings.open_warehouse().reader() as con:
        row = con.sql(SUMMARY_SQL.read_text()).fetchone()
        top = con.sql(TOP_SKILLS_SQL.read_text()).fetchall()
    postings, companies, with_pay, median_usd = row if row else (0, 0, 0.0, None)
    return {
        "postings": postings,
        "companies": companies,
        "share_with_pay": with_pay,
        "median_annual_usd": median_usd,
        "top_skills": [(name, share) for name, share in top],
    }


def print_summary(
    console: Console,
    settings: Settings,
    report: Path,
    summary: dict[str, Any],
    load: dict[str, Any],
    elapsed: float,
) -> None:
    median = summary["median_annual_usd"]
    skills = ", ".join(f"{name} {share:.0%}" for name, share in summary["top_skills"])
    console.print(f"\nwarehouse: {settings.warehouse_target}")
    console.print(f"report:    {report}")
    console.print(f"done in {elapsed:.0f} s\n")
    console.print(f"postings (jobs, duplicates merged): {summary['postings']}")
    console.print(f"companies:                          {summary['companies']}")
    console.print(f"share with stated pay:              {summary['share_with_pay']:.0%}")
    console.print("median annual pay (USD):            " + format_usd(median))
    console.print(f"top skills:                         {skills}", soft_wrap=True)
