"""The `promptjobs` command line. Thin wiring: every command calls one room's API.

Heavy imports (scrapy, spacy, dagster, plotly) happen inside the commands so that
`promptjobs --help` answers at once.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from promptjobs.settings import Settings, load_settings

# The source list is the source folders' metadata (cheap: no Scrapy import).
from scrapers.sources import source_names

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
    """
    from promptjobs.demo import run_demo

    settings = _settings(home, env="demo")
    run_demo(settings, png=png, console=err)


@app.command()
def crawl(
    source: Annotated[
        str,
        typer.Argument(help=" | ".join((*source_names(), "all"))),
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
    settings = _settings(home, replay=replay or None)
    spider_args: dict[str, dict] = {}
    if board:
        boards: dict[str, list[str]] | None = {s: list(board) for s in sources}
    else:
        from promptjobs.boards import crawl_targets

        # The registry's boards plus every valid discovered one (docs/data-model.md, boards).
        boards, spider_args = crawl_targets(settings, sources)
    stats = run_crawl(
        settings,
        sources,
        boards=boards,
        spider_args=spider_args,
        api_base=api_base,
        crawl_date=date.fromisoformat(crawl_date) if crawl_date else None,
        replay=replay,
        urls=list(url) if url else None,
        months=months,
    )
    _print_crawl_stats(stats)
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


@app.command()
def refresh(
    no_crawl: Annotated[
        bool,
        typer.Option("--no-crawl", help="Only extract and load what has landed but is not loaded."),
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

    Exits 1 when every crawled source failed (after loading what had landed before).
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
    from warehouse.store import Warehouse

    if status is not None and status not in STATUSES:
        raise fail(f"unknown status {status!r}; choose one of: {', '.join(STATUSES)}")
    settings = _settings(home)
    with Warehouse(settings).reader() as con:
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
    from warehouse.store import Warehouse

    settings = _settings(home)
    with Warehouse(settings).writer() as con:
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

    bad = run_extract(input, output, workers=workers, batch_size=batch_size, console=err)
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
    home: HomeOption = None,
) -> None:
    """Build the HTML report (index.html, claims.html, summary.md) from the warehouse views."""
    from promptjobs.refresh import build_report_from_settings

    settings = _settings(home)
    path = build_report_from_settings(settings, out=out, png=png)
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
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    home: HomeOption = None,
) -> None:
    """Run ad-hoc SQL on the warehouse: read-only, no file access, no extensions."""
    from warehouse.query import QueryError, interactive_sql, run_sql

    settings = _settings(home)
    try:
        if query is None:
            interactive_sql(settings)
            return
        run_sql(settings, query, fmt=format.value, output=output, stdout=sys.stdout)
    except QueryError as exc:
        raise fail(str(exc)) from None


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write one Parquet file per table.")],
    home: HomeOption = None,
) -> None:
    """Export the public tables as Parquet for other tools."""
    from warehouse.query import export_parquet

    settings = _settings(home)
    written = export_parquet(settings, directory)
    for path in written:
        err.print(str(path))


@app.command()
def ui(
    port: Annotated[int, typer.Option(help="Port for the Dagster UI.")] = 3000,
    home: HomeOption = None,
) -> None:
    """Start the Dagster UI (`dagster dev`) on 127.0.0.1 for this project."""
    import os
    import shutil
    import subprocess
    from importlib import resources

    settings = _settings(home)
    dagster_home = settings.ensure_home() / "dagster"
    dagster_home.mkdir(exist_ok=True)
    instance_yaml = dagster_home / "dagster.yaml"
    if not instance_yaml.exists():
        # The project's instance settings: one warehouse writer at a time (run queue limits).
        with resources.as_file(resources.files("pipelines") / "dagster.yaml") as src:
            shutil.copyfile(src, instance_yaml)
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home.resolve())}
    if home:
        env["PROMPTJOBS_HOME"] = str(home)
    cmd = [sys.executable, "-m", "dagster", "dev", "-h", "127.0.0.1", "-p", str(port)]
    raise typer.Exit(subprocess.call(cmd, env=env))


# Errors a user can meet and fix: shown as one line, never a traceback. Named by path so
# that `--help` does not import the heavy rooms; a raised error's module is loaded anyway.
USER_ERRORS = (
    "warehouse.store.WarehouseError",
    "warehouse.query.QueryError",
    "dashboards.data.ReportError",
    "scrapers.registry.BoardTokenError",
    "transforms.taxonomy.TaxonomyError",
)


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
    except Exception as exc:
        if not is_user_error(exc):
            raise
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
