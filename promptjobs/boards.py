"""Board discovery at the edge: which boards a crawl covers, and `promptjobs boards discover`.

- `crawl_targets`: the registry's boards plus every `valid` discovered board (under
  `discovered_boards = "review"`, only accepted ones), per ATS family, for `crawl all` and
  `refresh`.
- `board_discovery`: the discovery step's inputs (registry rows, link finder, the probe
  through the normal crawler, scrapers.board_probe) from the settings, for the refresh
  (warehouse.refresh.run_refresh) and for `discover`.
- `discover`: `promptjobs boards discover`: ingest what has landed, then the same step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from promptjobs.settings import Settings

if TYPE_CHECKING:
    from warehouse.boards import BoardDiscovery


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
    from scrapers.board_probe import EU_FAMILIES
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


def board_discovery(
    settings: Settings,
    *,
    validate: bool = True,
    api_base: str | dict[str, str] | None = None,
    scrapy_settings: dict[str, Any] | None = None,
) -> BoardDiscovery:
    """The discovery step's inputs from the settings, as plain values: the registry file's
    boards, the link finder, and (with `validate`) a probe of each candidate through the
    normal crawler against `api_base` (default: the settings' `api_base`, else the real APIs)."""
    from functools import partial

    from scrapers.board_probe import probe_boards
    from transforms.board_links import DOMAINS, find_boards
    from warehouse.boards import BoardDiscovery

    check = None
    if validate:
        check = partial(
            probe_boards,
            settings.crawl_config(),
            api_base=api_base if api_base is not None else settings.api_base,
            scrapy_settings=scrapy_settings,
        )
    return BoardDiscovery(registry_rows(settings), find_boards, DOMAINS, check)


def discover(
    settings: Settings,
    *,
    validate: bool = True,
    api_base: str | dict[str, str] | None = None,
    say: Callable[[str], None] | None = None,
    scrapy_settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """`promptjobs boards discover`: ingest what has landed (idempotent; the next refresh
    extracts it, so discovery reads every landed posting), then the refresh's discovery
    step (warehouse.boards.discover_boards) in one writer. The registry is the settings'
    registry file (a demo home's is the demo's own)."""
    from transforms.board_links import FAMILIES
    from warehouse.boards import discover_boards
    from warehouse.landing_ingest import ingest_landing
    from warehouse.lifecycle import apply_lifecycle, compute_lifecycle

    discovery = board_discovery(
        settings, validate=validate, api_base=api_base, scrapy_settings=scrapy_settings
    )
    with settings.open_warehouse().writer() as con:
        # The runs it ingests get their lifecycle now (the next refresh would otherwise:
        # it takes in every run not in lifecycle_runs, warehouse.lifecycle).
        ingest_landing(con, settings.landing_dir)
        compute_lifecycle(con)
        apply_lifecycle(con)
        found = discover_boards(con, discovery, say)
    return {**found, "families": list(FAMILIES)}
