"""Board discovery at the edge: which boards a crawl covers, and `promptjobs boards discover`.

- `crawl_targets`: the registry's boards plus every `valid` discovered board (under
  `discovered_boards = "review"`, only accepted ones), per ATS family, for `crawl all` and
  `refresh`.
- `discover`: ingest what has landed, fold the crawls into the `boards` table, scan the
  landed postings for board links,
  then check every candidate with one polite request through the normal crawler (a probe
  crawl: the board's first API request only, nothing landed in the real landing folder).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from promptjobs.settings import Settings

# The families whose boards carry an `eu` site (the family's EU host).
EU_FAMILIES = ("greenhouse", "lever")


def board_row(
    ats: str, board: str, company: str | None = None, region: str | None = None
) -> dict[str, Any]:
    """A board as a plain row (ats, token, site, board, company); a Workday board
    `tenant.wdN.site` splits into token `tenant.wdN` and its site."""
    token, site = board, ("eu" if region == "eu" else None)
    if ats == "workday":
        token, _, site = board.rpartition(".")
    return {"ats": ats, "token": token, "site": site, "board": board, "company": company}


def registry_rows(settings: Settings) -> list[dict[str, Any]]:
    """The registry file's boards as plain rows for warehouse.boards.seed_registry."""
    from scrapers.registry import load_registry

    registry = load_registry(settings.boards_file)
    return [board_row(e.ats, e.board, e.name, e.region) for e in registry.employers]


def discovered_for_crawl(settings: Settings) -> list[dict[str, Any]]:
    """Valid discovered boards to crawl (none when there is no warehouse or table yet)."""
    import duckdb

    from warehouse.boards import crawl_plan

    warehouse = settings.open_warehouse()
    if not warehouse.exists():
        return []
    try:
        with warehouse.reader() as con:
            return crawl_plan(con, review=settings.discovered_boards == "review")
    except duckdb.CatalogException:
        return []  # a warehouse from before the boards table


def crawl_targets(
    settings: Settings, sources: list[str], extra: list[dict[str, Any]] | None = None
) -> tuple[dict[str, list[str]] | None, dict[str, dict[str, Any]]]:
    """(boards per source, spider arguments per source) for a crawl of `sources`: the
    registry's boards plus the discovered ones (`extra`, default: from the warehouse).
    (None, {}) when nothing is added: every spider then reads the registry itself."""
    from scrapers.registry import load_registry

    extra = discovered_for_crawl(settings) if extra is None else extra
    extra = [b for b in extra if b["ats"] in sources]
    if not extra:
        return None, {}
    registry = load_registry(settings.boards_file)
    boards: dict[str, list[str]] = {}
    args: dict[str, dict[str, Any]] = {}
    for source in sorted({b["ats"] for b in extra}):
        found = [b for b in extra if b["ats"] == source]
        known = {t.lower() for t in registry.boards_for(source)}
        boards[source] = registry.boards_for(source) + [
            b["board"] for b in found if b["board"].lower() not in known
        ]
        eu = [b["board"] for b in found if b.get("site") == "eu" and source in EU_FAMILIES]
        if eu:
            args[source] = {"eu_boards": eu}
    return boards, args


def check_boards(
    settings: Settings,
    candidates: list[dict[str, Any]],
    *,
    api_base: str | dict[str, str] | None = None,
    scrapy_settings: dict[str, Any] | None = None,
) -> list[tuple[str, str, str]]:
    """Probe each candidate once through the normal crawler; (ats, board, status) with
    status `valid` (a well-formed 200), `invalid` (404/410) or `candidate` (an error)."""
    from scrapers.registry import SOURCES
    from scrapers.run import crawl

    crawlable = [c for c in candidates if c["ats"] in SOURCES]
    if not crawlable:
        return []
    families = sorted({c["ats"] for c in crawlable})
    boards = {f: [c["board"] for c in crawlable if c["ats"] == f] for f in families}
    args: dict[str, dict[str, Any]] = {f: {"probe": "1", "resume": "0"} for f in families}
    for f in families:
        eu = [c["board"] for c in crawlable if c["ats"] == f and c.get("site") == "eu"]
        if eu:
            args[f]["eu_boards"] = eu
    # Probes land (nothing) under their own home, so no probe is ever loaded as a crawl.
    probe_settings = settings.model_copy(update={"home": settings.home / "probes"})
    stats = crawl(
        probe_settings.crawl_config(),
        families,
        boards=boards,
        api_base=api_base if api_base is not None else settings.api_base,
        progress=False,
        spider_args=args,
        scrapy_settings=scrapy_settings,
    )
    answers: list[tuple[str, str, str]] = []
    for s in stats:
        ok = set(s.get("boards_ok") or [])
        gone = set(s.get("boards_not_found") or [])
        for board in boards.get(s["source"], []):
            status = "valid" if board in ok else "invalid" if board in gone else "candidate"
            answers.append((s["source"], board, status))
    return answers


def discover(
    settings: Settings,
    *,
    validate: bool = True,
    api_base: str | dict[str, str] | None = None,
    say: Callable[[str], None] | None = None,
    scrapy_settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Update the `boards` table from the crawls, scan what has landed, check candidates.
    The registry is the settings' registry file (a demo home's is the demo's own)."""
    from transforms.board_links import FAMILIES, find_boards
    from warehouse import boards as table
    from warehouse.landing_ingest import ingest_landing

    say = say or (lambda _m: None)
    domains = (
        "greenhouse.io",
        "lever.co",
        "ashbyhq.com",
        "workable.com",
        "smartrecruiters.com",
        "myworkdayjobs.com",
        "recruitee.com",
        "personio.de",
        "personio.com",
        "bamboohr.com",
        "breezy.hr",
    )
    with settings.open_warehouse().writer() as con:
        # What has landed since the last refresh is ingested first (idempotent; the next
        # refresh extracts it), so discovery reads every landed posting.
        ingest_landing(con, settings.landing_dir)
        table.seed_registry(con, registry_rows(settings))
        table.update_from_crawls(con)
        scan = table.scan_landed(con, find_boards, domains)
        candidates = table.to_validate(con) if validate else []
    say(
        f"boards: scanned {scan['scanned']} posting version(s) with board links, "
        f"{scan['links']} link(s), {scan['new_candidates']} new candidate(s)"
    )
    checks: list[tuple[str, str, str]] = []
    if candidates:
        say(f"boards: checking {len(candidates)} candidate(s), one request each")
        checks = check_boards(
            settings, candidates, api_base=api_base, scrapy_settings=scrapy_settings
        )
        with settings.open_warehouse().writer() as con:
            table.record_checks(con, checks)
    outcome = {s: sum(1 for c in checks if c[2] == s) for s in ("valid", "invalid", "candidate")}
    say(
        f"boards: {outcome['valid']} valid, {outcome['invalid']} invalid, "
        f"{outcome['candidate']} still to check"
    )
    with settings.open_warehouse().reader() as con:
        counts = table.list_boards(con)
    by_status: dict[str, int] = {}
    for row in counts:
        by_status[row["status"]] = by_status.get(row["status"], 0) + 1
    return {
        **scan,
        "checked": len(checks),
        **{f"checked_{k}": v for k, v in outcome.items()},
        "boards_by_status": by_status,
        "families": list(FAMILIES),
    }
