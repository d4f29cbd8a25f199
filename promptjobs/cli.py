"""The `promptjobs` command line. Thin wiring: every command calls one room's API.

Heavy imports (scrapy, spacy, dagster, plotly) happen inside the commands so that
`promptjobs --help` answers at once.
"""

from __future__ import annotations

import errno
import os
import sys
import tomllib
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from promptjobs.settings import Settings, load_settings

# The source list is the source folders' metadata (cheap: no Scrapy import).
from scrapers.registry import SOURCES as CRAWL_SOURCES

app = typer.Typer(
    name="promptjobs",
    help="Job-market analytics for prompt-engineering and adjacent LLM roles.\n\n"
    "Crawl public job boards, extract pay and skills, load a DuckDB warehouse, "
    "build Plotly reports. Everything is written under PROMPTJOBS_HOME (default .promptjobs/).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

HomeOption = Annotated[
    Path | None,
    typer.Option("--home", help="Override PROMPTJOBS_HOME (where everything is written)."),
]
AtOption = Annotated[
    int | None,
    typer.Option(
        "--at",
        metavar="SNAPSHOT",
        help="Read the warehouse as it was at this DuckLake snapshot (every report names "
        "the one it was built from); DuckLake warehouses only.",
    ),
]


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def _settings(home: Path | None = None, **overrides: object) -> Settings:
    return load_settings({"home": home, **overrides})


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} {value} is not a date: give YYYY-MM-DD, e.g. 2026-11-16") from None


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.command()
def demo(
    home: HomeOption = None,
    png: Annotated[
        bool, typer.Option(help="Also export every figure as PNG (needs chromium).")
    ] = False,
) -> None:
    """Run the whole chain offline on the embedded demo boards.

    Starts the demo boards on a free 127.0.0.1 port, crawls every snapshot day with the
    real spiders over HTTP, extracts, loads the warehouse, builds the report, stops the server.
    What ran is recorded in the Dagster instance under PROMPTJOBS_HOME/dagster.
    """
    from promptjobs.demo import run_demo

    settings = _settings(home, env="demo")
    run_demo(settings, png=png, console=err)


@app.command()
def crawl(
    source: Annotated[
        str,
        typer.Argument(help=" | ".join((*CRAWL_SOURCES, "all"))),
    ],
    board: Annotated[
        list[str] | None,
        typer.Option("--board", "-b", help="Board token(s); default: every board in the registry."),
    ] = None,
    api_base: Annotated[
        str | None, typer.Option(help="Mirror or replay server to use instead of the real API.")
    ] = None,
    replay: Annotated[
        bool, typer.Option("--replay", help="Offline: serve from the HTTP cache only.")
    ] = False,
    url: Annotated[
        list[str] | None,
        typer.Option("--url", help="jsonld only: career page or sitemap URL(s)."),
    ] = None,
    months: Annotated[
        int | None, typer.Option(help="hn only: backfill this many monthly threads.")
    ] = None,
    crawl_date: Annotated[
        str | None,
        typer.Option("--date", help="Landing partition date YYYY-MM-DD (default: today, UTC)."),
    ] = None,
    home: HomeOption = None,
) -> None:
    """Crawl one source (or all) into landing files under PROMPTJOBS_HOME/landing.

    Without --board an ATS source crawls the registry's boards plus every valid discovered
    board (`promptjobs boards list`; under discovered_boards=review only accepted ones).
    """
    from scrapers.registry import SOURCES
    from scrapers.run import crawl as run_crawl

    sources = list(SOURCES) if source == "all" else [source]
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise fail(f"unknown source {unknown[0]!r}; choose one of: {', '.join(SOURCES)}, all")
    if url and sources != ["jsonld"]:
        raise fail("--url works with the jsonld source only")
    day = _parse_date(crawl_date, "--date")
    settings = _settings(home, replay=replay or None)
    spider_args: dict[str, dict] = {}
    if board:
        boards: dict[str, list[str]] | None = {s: list(board) for s in sources}
    else:
        from promptjobs.boards import crawl_targets

        # The registry's boards plus every valid discovered one (docs/data-model.md, boards).
        boards, spider_args = crawl_targets(settings, sources)
    try:
        stats = run_crawl(
            settings.crawl_config(),
            sources,
            boards=boards,
            spider_args=spider_args,
            api_base=api_base,
            crawl_date=day,
            replay=replay,
            urls=list(url) if url else None,
            months=months,
        )
    except KeyboardInterrupt:
        # The spiders stop like Scrapy's own Ctrl-C: what finished is landed (JOBDIR resumes).
        err.print(
            "interrupted: the boards finished so far are landed, nothing else was saved; "
            "run the same command again to crawl the rest",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(130) from None
    _print_crawl_stats(stats)
    if replay or settings.replay:
        from scrapers.cache import replay_hint

        hint = replay_hint(settings.httpcache_dir, stats, sources, api_base or settings.api_base)
        if hint:
            err.print(hint, highlight=False, soft_wrap=True)
    if stats and all(s.get("status") == "failed" for s in stats):
        raise typer.Exit(1)


def _print_crawl_stats(stats: list[dict]) -> None:
    from rich.table import Table

    table = Table(title="crawl runs")
    for col in ("source", "status", "items", "invalid", "not found", "errors", "seconds"):
        table.add_column(col)
    for s in stats:
        errors = ", ".join(f"{k}={v}" for k, v in sorted((s.get("errors") or {}).items())) or "-"
        table.add_row(
            s.get("source", "?"),
            s.get("status", "?"),
            str(s.get("items", 0)),
            str(s.get("items_invalid", 0)),
            str(len(s.get("boards_not_found") or [])),
            errors,
            f"{s.get('duration_s', 0):.1f}",
        )
    err.print(table)


class ArchiveChoice(StrEnum):
    commoncrawl = "commoncrawl"
    wayback = "wayback"
    both = "both"


@app.command()
def backfill(
    from_month: Annotated[
        str, typer.Option("--from", help="First month of history, YYYY-MM.", show_default=False)
    ],
    to_month: Annotated[
        str, typer.Option("--to", help="Last month of history, YYYY-MM.", show_default=False)
    ],
    archive: Annotated[
        ArchiveChoice, typer.Option(help="Which web archive to read.")
    ] = ArchiveChoice.both,
    ats: Annotated[
        str | None,
        typer.Option(
            help="Comma list of ATS families: greenhouse,lever,ashby,workable,smartrecruiters,"
            "workday (default: all but workday, whose index query is a whole domain)."
        ),
    ] = None,
    limit_per_month: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="At most N jobs per archive and month (a fixed sample of jobs, the same "
            "every month); default: every job page captured.",
        ),
    ] = None,
    archive_base: Annotated[
        str | None,
        typer.Option(
            help="Mirror or replay server for every archive request (both CDX APIs, WARC "
            "ranges, Wayback captures); default: PROMPTJOBS_ARCHIVE_BASE, else the archives."
        ),
    ] = None,
    home: HomeOption = None,
) -> None:
    """Land postings of the past from Common Crawl and the Wayback Machine.

    Lists the captures of ATS job pages month by month through the archives' CDX indexes,
    fetches each chosen capture (a WARC record by byte range, or the raw Wayback capture),
    extracts the posting (JSON-LD, else the page's HTML) and lands it as source `archive`
    with fetched_at = capture time. Polite (the archives' rate guidance, backoff on 503,
    the project User-Agent), cached in the HTTP cache, and resumable: run it again after an
    interruption and captures already landed are skipped. Load with `promptjobs refresh
    --no-crawl`.
    """
    from scrapers.sources.archive.cdx import ARCHIVES, months_between
    from scrapers.sources.archive.patterns import ATS_FAMILIES, DEFAULT_FAMILIES
    from scrapers.sources.archive.run import BackfillPlan
    from scrapers.sources.archive.run import backfill as run_backfill

    try:
        months = months_between(from_month, to_month)
    except ValueError as exc:
        raise fail(str(exc)) from None
    families = tuple(a.strip() for a in ats.split(",") if a.strip()) if ats else DEFAULT_FAMILIES
    unknown = [a for a in families if a not in ATS_FAMILIES]
    if unknown:
        raise fail(f"unknown ATS {unknown[0]!r}; choose from {', '.join(ATS_FAMILIES)}")
    settings = _settings(home, archive_base=archive_base)
    base = settings.archive_base
    if base and not base.startswith(("http://", "https://")):
        raise fail(f"--archive-base {base!r} is not an http(s) URL")
    archives = ARCHIVES if archive == ArchiveChoice.both else (archive.value,)
    settings.ensure_home()
    err.print(
        f"backfill {months[0]} .. {months[-1]} ({len(months)} month(s)) from "
        f"{', '.join(archives)} for {', '.join(families)}" + (f" via {base}" if base else ""),
        highlight=False,
    )
    summary = run_backfill(
        BackfillPlan(
            home=settings.home,
            months=months,
            archives=archives,
            families=families,
            limit_per_month=limit_per_month,
            archive_base=base,
            user_agent=settings.user_agent_string,
            httpcache_dir=settings.httpcache_dir,
        )
    )
    units = summary.get("units", [])
    postings = sum(u["postings"] for u in units)
    failed = [
        f"{u['month']} {u['archive']}" for u in units if u["listing_failed"] or u["fetch_failed"]
    ]
    err.print(
        f"landed {postings} posting(s) in {len(summary.get('files', []))} file(s); "
        f"{sum(u['skipped_landed'] for u in units)} capture(s) already landed were skipped; "
        f"{summary.get('requests', 0)} request(s), {summary.get('cached', 0)} from the HTTP cache",
        highlight=False,
    )
    if failed:
        err.print(
            f"incomplete: {', '.join(failed)}: run the same command again to resume",
            highlight=False,
        )
        raise typer.Exit(1)
    err.print("load it with: promptjobs refresh --no-crawl", highlight=False)


@app.command()
def refresh(
    no_crawl: Annotated[
        bool,
        typer.Option(
            "--no-crawl",
            help="Only extract and load what has landed but is not loaded (offline: boards "
            "linked from it are found, and checked by the next crawl or `boards discover`).",
        ),
    ] = False,
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Crawl only these sources.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Extraction processes (0 = per core).")
    ] = None,
    no_report: Annotated[bool, typer.Option("--no-report", help="Skip the report build.")] = False,
    home: HomeOption = None,
) -> None:
    """Crawl, then extract and load what landed, then rebuild the report.

    What ran is recorded in the Dagster instance under PROMPTJOBS_HOME/dagster, so
    `promptjobs ui` shows it. Exits 1 when every crawled source failed (after loading
    what had landed before).
    """
    from promptjobs.refresh import run_refresh_chain

    settings = _settings(home, workers=workers)
    summary = run_refresh_chain(
        settings,
        crawl=not no_crawl,
        sources=list(source) if source else None,
        report=not no_report,
        console=err,
    )
    if summary.get("all_sources_failed"):
        raise fail(
            "every source failed to crawl (see the log above): check the network, "
            "PROMPTJOBS_API_BASE and the board registry; what had landed before was loaded"
        )


boards_app = typer.Typer(
    help="The board frame: registry boards and boards discovered in landed postings.",
    no_args_is_help=True,
)
app.add_typer(boards_app, name="boards")


@boards_app.command("discover")
def boards_discover(
    api_base: Annotated[
        str | None,
        typer.Option(help="Check candidates against this mirror instead of the real APIs."),
    ] = None,
    no_check: Annotated[
        bool, typer.Option("--no-check", help="Only find candidates; do not request them.")
    ] = False,
    home: HomeOption = None,
) -> None:
    """Scan every landed posting for ATS board links; check each new candidate once.

    A candidate gets one polite request through the normal crawler: a well-formed answer
    makes it valid, a 404 invalid, an error leaves it a candidate for the next run.
    """
    from promptjobs.boards import discover

    settings = _settings(home, api_base=api_base)
    summary = discover(
        settings,
        validate=not no_check,
        say=lambda m: err.print(m, highlight=False, soft_wrap=True),
    )
    err.print(
        "boards by status: "
        + ", ".join(f"{k}={v}" for k, v in sorted(summary["boards_by_status"].items())),
        highlight=False,
    )


@boards_app.command("list")
def boards_list(
    status: Annotated[
        str | None,
        typer.Option(help="Only this status: registry, candidate, valid, invalid, gone."),
    ] = None,
    ats: Annotated[str | None, typer.Option(help="Only this ATS family.")] = None,
    format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
    home: HomeOption = None,
) -> None:
    """Show the boards table (json: a list of objects with ats, token, status, ...)."""
    import csv
    import json

    from warehouse.boards import STATUSES, list_boards

    if status is not None and status not in STATUSES:
        raise fail(f"unknown status {status!r}; choose one of: {', '.join(STATUSES)}")
    settings = _settings(home)
    with settings.open_warehouse().reader() as con:
        rows = _boards_rows(con, list_boards, status, ats)
    if format is ListFormat.json:
        sys.stdout.write(json.dumps(rows, default=str, indent=1) + "\n")
    elif format is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["ats"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.table import Table

        table = Table(title=f"boards ({len(rows)})")
        columns = ("ats", "board", "status", "found_count", "first_seen", "last_ok")
        for col in (*columns, "postings"):
            table.add_column(col)
        for row in rows:
            cells = [str(row[c]) if row[c] is not None else "-" for c in columns]
            last = row["postings_last_crawl"]
            table.add_row(*cells, str(last) if last is not None else "-")
        Console().print(table)


def _boards_rows(con, list_boards, status, ats) -> list[dict]:  # noqa: ANN001
    import duckdb

    try:
        return list_boards(con, status=status, ats=ats)
    except duckdb.CatalogException:
        raise fail(
            "this warehouse has no boards table yet: run `promptjobs refresh` "
            "or `promptjobs boards discover`"
        ) from None


@boards_app.command("accept")
def boards_accept(
    ats: Annotated[str | None, typer.Argument(help="ATS family (default: every family).")] = None,
    board: Annotated[str | None, typer.Argument(help="Board (default: every valid board).")] = None,
    home: HomeOption = None,
) -> None:
    """Accept valid discovered boards for crawling (discovered_boards = "review")."""
    from warehouse.boards import accept

    settings = _settings(home)
    with settings.open_warehouse().writer() as con:
        n = accept(con, ats=ats, board=board)
    err.print(f"accepted: {n} valid board(s) will be crawled")
    if n == 0:
        raise typer.Exit(1)


@app.command()
def extract(
    input: Annotated[
        str, typer.Argument(help="Input JSONL (id, title, company, location, text); '-' = stdin.")
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Output JSONL; '-' = stdout.")
    ] = "-",
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per core).")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any input line was malformed.")
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Postings per spaCy batch.")] = 64,
) -> None:
    """Extract role, seniority, remote, salary and skills from postings (streaming).

    One output object per valid input line, same id, input order. Malformed lines are
    reported on stderr with their line number and skipped. Progress goes to stderr.
    """
    from promptjobs.extract_io import run_extract
    from promptjobs.output_paths import output_file

    target = output_file(output)
    sink = "-" if target is None else str(target)
    bad = run_extract(input, sink, workers=workers, batch_size=batch_size, console=err)
    if bad and strict:
        raise typer.Exit(1)


@app.command()
def report(
    out: Annotated[
        Path | None, typer.Option(help="Output folder (default: PROMPTJOBS_HOME/reports/<today>).")
    ] = None,
    png: Annotated[
        bool, typer.Option(help="Also export every figure as PNG (needs chromium).")
    ] = False,
    at: AtOption = None,
    home: HomeOption = None,
) -> None:
    """Build the HTML report (index.html, claims.html, brief.html + brief.md, data/*.csv) from the warehouse views.

    With --at SNAPSHOT: the report of that earlier DuckLake snapshot (default folder
    PROMPTJOBS_HOME/reports/snapshot-<N>; reports/latest/ is left alone)."""
    from promptjobs.output_paths import output_folder
    from promptjobs.refresh import build_report_from_settings

    if out is not None:
        output_folder(out, "--out")
    settings = _settings(home)
    path = build_report_from_settings(settings, out=out, png=png, at=at)
    err.print(f"report: {path}")


@app.command()
def sql(
    query: Annotated[
        str | None, typer.Argument(help="SQL to run read-only; omit for an interactive prompt.")
    ] = None,
    format: Annotated[
        SqlFormat, typer.Option("--format", "-f", help="Output format.")
    ] = SqlFormat.table,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (written whole, then moved into place) instead of "
            "stdout; '-' = stdout.",
        ),
    ] = None,
    at: AtOption = None,
    home: HomeOption = None,
) -> None:
    """Run one read query on the warehouse (SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE,
    EXPLAIN [ANALYZE] of these): read-only, no file access, no extensions, stopped after
    PROMPTJOBS_SQL_TIMEOUT_S seconds.

    Without a query: an interactive prompt with line editing and history
    (<home>/sql_history) that shows every statement's result; Ctrl-C cancels the running
    query only.
    """
    from promptjobs.output_paths import output_file
    from warehouse.query import HISTORY_FILE, QueryError, interactive_sql, run_sql

    target: Path | str | None = None
    if output is not None:
        target = output_file(output) or "-"
    settings = _settings(home)
    warehouse = settings.open_warehouse()
    if at is not None:
        warehouse = warehouse.at(at)
    try:
        if query is None:
            interactive_sql(
                warehouse,
                history_path=settings.home / HISTORY_FILE,
                timeout_s=settings.sql_timeout_s,
            )
            return
        run_sql(
            warehouse,
            query,
            fmt=format.value,
            output=target,
            stdout=sys.stdout,
            timeout_s=settings.sql_timeout_s,
        )
    except QueryError as exc:
        raise fail(str(exc)) from None


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write one Parquet file per table.")],
    home: HomeOption = None,
) -> None:
    """Export the public tables as Parquet for other tools."""
    from promptjobs.output_paths import output_folder
    from warehouse.query import export_parquet

    output_folder(directory, "export")
    settings = _settings(home)
    written = export_parquet(settings.open_warehouse(), directory)
    for path in written:
        err.print(str(path))


@app.command()
def maintain(
    grace_minutes: Annotated[
        int,
        typer.Option(
            min=0,
            help="DuckLake: delete files that no snapshot uses, and orphaned files, only once "
            "older than this (a reader that started earlier, or a writer that has not "
            "committed yet, keeps its files).",
        ),
    ] = 60,
    home: HomeOption = None,
) -> None:
    """Weekly upkeep of the warehouse, through the writer lock like every write.

    On a DuckLake: merge small data files, rewrite files with many deleted rows, expire
    snapshots older than PROMPTJOBS_LAKE_SNAPSHOT_RETENTION_DAYS (default 30; `--at` can no
    longer read them), delete the files earlier runs made unused and orphaned files (older
    than --grace-minutes; what this run merges away is deleted by the next run). On a
    warehouse file: a compacting copy (COPY FROM DATABASE into a fresh file, swapped in),
    which gives the free blocks of deleted and updated rows back and merges the
    part-filled row groups refreshes leave (a refresh rewrites only what it changed). On
    MotherDuck: nothing to do. Prints files, snapshots and bytes before and after.
    """
    from datetime import timedelta

    from warehouse.maintenance import maintain as run_maintenance

    settings = _settings(home)
    summary = run_maintenance(
        settings.open_warehouse(),
        retention_days=settings.lake_snapshot_retention_days,
        grace=timedelta(minutes=grace_minutes),
    )
    for line in summary.lines():
        typer.echo(line)


@app.command()
def ui(
    port: Annotated[int, typer.Option(help="Port for the Dagster UI.")] = 3000,
    home: HomeOption = None,
) -> None:
    """Start the Dagster UI (`dagster dev`) on 127.0.0.1 for this project.

    DAGSTER_HOME is PROMPTJOBS_HOME/dagster, where `refresh` and `demo` record their runs.
    Prints how to switch the daily_refresh schedule on (it starts switched off).
    """
    import os
    import subprocess

    from pipelines.cli_runs import ensure_instance_settings

    settings = _settings(home)
    settings.ensure_home()
    dagster_home = settings.dagster_home
    ensure_instance_settings(dagster_home)
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home.resolve())}
    err.print(schedule_hint(settings, dagster_home, port), highlight=False, soft_wrap=True)
    if home:
        env["PROMPTJOBS_HOME"] = str(home)
    cmd = [sys.executable, "-m", "dagster", "dev", "-h", "127.0.0.1", "-p", str(port)]
    raise typer.Exit(subprocess.call(cmd, env=env))


def schedule_hint(settings: Settings, dagster_home: Path, port: int) -> str:
    """What `promptjobs ui` says about the daily_refresh schedule (it starts switched off)."""
    return (
        f"Dagster UI on http://127.0.0.1:{port} with DAGSTER_HOME={dagster_home} (the CLI's "
        "refreshes are recorded there too).\n"
        f"The daily_refresh schedule (`{settings.schedule_cron}` {settings.schedule_timezone}; "
        "PROMPTJOBS_SCHEDULE_CRON) starts switched off: switch it on in the UI under "
        "Automation -> daily_refresh, or run\n"
        f"  DAGSTER_HOME={dagster_home.resolve()} dagster schedule start daily_refresh "
        "-m pipelines.definitions\n"
        "It crawls every source each day; the automation sensor then refreshes the warehouse "
        "and the report."
    )


# Errors a user can meet and fix: shown as one line, never a traceback. Named by path so
# that `--help` does not import the heavy rooms; a raised error's module is loaded anyway.
USER_ERRORS = (
    "promptjobs.output_paths.OutputPathError",
    "warehouse.store.WarehouseError",
    "warehouse.lake.LakeTargetError",
    "warehouse.query.QueryError",
    "dashboards.data.ReportError",
    "scrapers.registry.BoardTokenError",
    "transforms.taxonomy.TaxonomyError",
    "promptjobs.settings.SettingsError",
)


INTERRUPTED = "interrupted, nothing was saved: the warehouse and outputs are as they were"


def user_error_message(exc: BaseException) -> str | None:
    """The one line for an error the user can fix, or None for a bug (a traceback)."""
    if _is_settings_error(exc):
        return _settings_message(exc)
    if isinstance(exc, tomllib.TOMLDecodeError):
        name = os.environ.get("PROMPTJOBS_CONFIG", "promptjobs.toml")
        return f"the settings file {name} is not valid TOML ({exc}): fix it"
    if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:
        where = str(exc.filename or "a file")
        if ".tmp" in Path(where).name:  # a working copy: the folder is what matters
            where = f"in {Path(where).parent}"
        return (
            f"cannot write {where} ({os.strerror(exc.errno)}): make PROMPTJOBS_HOME a folder "
            "you can write, or point it (or --home) somewhere writable"
        )
    damage = sys.modules.get("warehouse.store")
    if damage is not None and damage.is_damage(exc):
        first = (str(exc).strip().splitlines() or [""])[0]
        return damage.damaged_message("file", first)
    if is_user_error(exc):
        return str(exc)
    return None


# Read-only home, full disk, no permission: what to do is the same.
_WRITE_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def _is_settings_error(exc: BaseException) -> bool:
    from pydantic import ValidationError

    return isinstance(exc, ValidationError) and exc.title == Settings.__name__


def _settings_message(exc: BaseException) -> str:
    from promptjobs import settings as settings_module

    first = exc.errors()[0]  # type: ignore[attr-defined]
    field = str(first["loc"][0]) if first.get("loc") else "?"
    env_names = getattr(settings_module, "ENV_VARS", {})
    env = next((var for var, name in env_names.items() if name == field), None)
    env = env or f"PROMPTJOBS_{field.upper()}"
    value = first.get("input")
    where = f"{env}={value}" if env in os.environ else f"{field} = {value!r}"
    return (
        f"bad setting {where}: {first['msg']}; fix it in the environment "
        "or in promptjobs.toml (README: Configuration)"
    )


def _interrupted(exc: BaseException) -> bool:
    """Did a Ctrl-C cause this exit? (typer turns KeyboardInterrupt into Exit(130))."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or (None if seen.__suppress_context__ else seen.__context__)
    return False


def is_user_error(exc: BaseException) -> bool:
    if isinstance(exc, FileNotFoundError | PermissionError | IsADirectoryError):
        return True
    for path in USER_ERRORS:
        module_name, _, class_name = path.rpartition(".")
        module = sys.modules.get(module_name)
        error_class = getattr(module, class_name, None) if module else None
        if error_class is not None and isinstance(exc, error_class):
            return True
    return False


def main() -> None:
    """Console-script entry point: run the app, turning user errors into one clear line."""
    try:
        app()
    except SystemExit as exc:
        if exc.code == 130 and _interrupted(exc):
            err.print(f"[bold red]{INTERRUPTED}[/]", highlight=False, soft_wrap=True)
        raise
    except Exception as exc:
        message = user_error_message(exc)
        if message is None:
            raise
        err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
