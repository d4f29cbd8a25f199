"""`promptjobs demo`: the whole chain, offline, on the embedded demo boards.

The demo boards are served over real HTTP on 127.0.0.1 and crawled by the real
spiders, one crawl per snapshot day, so the warehouse gets a real history
(new, continuing and closed postings).
"""

from __future__ import annotations

import os
import time
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from common.usd import format_usd
from promptjobs.refresh import build_report_from_settings, load_warehouse, record_in_dagster
from promptjobs.settings import HOME_BOARDS_FILE, Settings, SettingsError

if TYPE_CHECKING:
    from scrapers.demo.server import DemoServer

QUERIES = resources.files("warehouse") / "queries"
SUMMARY_SQL = QUERIES / "demo_summary.sql"
TOP_SKILLS_SQL = QUERIES / "demo_top_skills.sql"

DEMO_REGISTRY_HEADER = (
    "Written by `promptjobs demo`: the demo's board registry (the boards its board lists\n"
    "name). Every command run in this home reads it (an unset boards_file is the home's\n"
    "boards.toml), so the demo's boards stay registry boards; delete the home to start over."
)


def write_demo_registry(settings: Settings, boards: dict[str, list[str]]) -> Settings:
    """Write the demo's registry (its board lists' ATS boards, under the packaged file's
    [api] and source tables) to <home>/boards.toml; the settings that read it.

    The home then has one registry for every command: `refresh`, `boards discover` and
    the Dagster assets seed the `boards` table from the same boards the demo crawled.
    A boards.toml of the user's own is never overwritten."""
    from dataclasses import replace

    from scrapers.demo.market import company_of
    from scrapers.registry import ATS_SOURCES, Employer, load_registry, registry_toml

    path = settings.home / HOME_BOARDS_FILE
    first = DEMO_REGISTRY_HEADER.splitlines()[0]
    if path.is_file() and not path.read_text(encoding="utf-8").startswith(f"# {first}"):
        raise SettingsError(
            f"{path} is a board registry of your own: run the demo in a fresh home (--home DIR)"
        )
    employers = tuple(
        Employer(company_of(source, board) or board, source, board)
        for source in ATS_SOURCES
        for board in boards.get(source, [])
    )
    registry = replace(load_registry(), employers=employers)
    settings.ensure_home()
    text = registry_toml(registry, DEMO_REGISTRY_HEADER)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        # Whole or not at all: Dagster's crawl steps of one run write it side by side.
        spare = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        spare.write_text(text, encoding="utf-8")
        os.replace(spare, path)
    return settings.model_copy(update={"boards_file": path})


def demo_crawl_boards(
    settings: Settings, demo: DemoServer, day: date, snapshot: date | None = None
) -> dict[str, list[str]]:
    """What the demo crawls on `day` (from the demo boards' `snapshot`, default that day):
    its board lists (a "site" source's are its start URLs, which scrapers.run passes as
    urls) plus every valid discovered board, from the day after the posting that linked it
    was crawled (so a second run crawls what the first did). The CLI demo and the Dagster
    crawler in demo mode both crawl this."""
    from promptjobs.boards import discovered_for_crawl

    boards = demo.boards(snapshot or day)
    for found in discovered_for_crawl(settings):
        if found["first_seen"] is None or found["first_seen"] >= day:
            continue
        listed = boards.setdefault(found["ats"], [])
        if found["board"] not in listed:
            listed.append(found["board"])
    return boards


def run_demo(settings: Settings, *, png: bool = False, console: Console | None = None) -> dict:
    from pipelines.cli_runs import CrawlRecord
    from promptjobs.boards import discover
    from scrapers.demo.market import caveat
    from scrapers.demo.server import DemoServer
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
        # The demo's registry: the boards its board lists name, written into the home. Boards
        # linked from what it crawls are found by discovery after each day and crawled from
        # the next day on.
        settings = write_demo_registry(settings, demo.boards(days[0]))
        for n, day in enumerate(days, 1):
            stats = crawl(
                settings.crawl_config(),
                demo.sources(day),
                boards=demo_crawl_boards(settings, demo, day),
                api_base=demo.api_bases(day),
                crawl_date=day,
                progress=False,
            )
            crawls.extend(CrawlRecord(day, s) for s in stats)
            items = sum(s.get("items", 0) for s in stats)
            failed = [s["source"] for s in stats if s.get("status") == "failed"]
            frame = discover(settings, api_base=demo.api_bases(day))
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
