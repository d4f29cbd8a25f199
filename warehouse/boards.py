"""The `boards` table: the sampling frame (every ATS board the program knows and what became
of it). Plain values in and out; the caller opens the writer and does the network part.

- `seed_registry`: the registry file's boards become `registry` boards (the file is only
  read, never written).
- `update_from_crawls`: last checked / last answered / postings of the last complete crawl
  from `crawl_runs`; two 404s in a row make a board `gone` (its postings then close, see
  warehouse/sql/lifecycle_compute.sql).
- `scan_landed`: every landed posting version not read yet is scanned for board links by the
  `find` function it is given (transforms/board_links.find_boards); new boards are
  `candidate`s.
- `record_checks`: the answers of the validation crawl: `valid`, `invalid`, or still
  `candidate` (an error: tried again next time).
- `discover_boards`: all of it, in that order, as one step of a writer transaction (the
  refresh's, warehouse/refresh.py, or `promptjobs boards discover`'s): the registry rows,
  the link finder and the probe arrive as plain values (`BoardDiscovery`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from warehouse.sqlfiles import sql_text

STATUSES: tuple[str, ...] = ("registry", "candidate", "valid", "invalid", "gone")
# Rows handed to the `find` function per fetch, so a million postings never sit in memory.
SCAN_BATCH = 5000


class BoardLike(Protocol):
    ats: str
    token: str
    site: str | None

    @property
    def board(self) -> str: ...


FindBoards = Callable[..., Iterable[BoardLike]]
# Candidates ({ats, board, site}) in, (ats, board, valid | invalid | candidate) out: one
# polite request per board through the crawler (scrapers.board_probe.probe_boards).
CheckBoards = Callable[[list[dict[str, Any]]], list[tuple[str, str, str]]]


@dataclass(frozen=True)
class BoardDiscovery:
    """What a discovery step needs, as plain values: the registry file's boards (dicts with
    ats, token, site, board, company), the link finder and the domains it knows, and the
    probe (None: only find candidates, check nothing)."""

    registry: Sequence[Mapping[str, Any]]
    find: FindBoards
    domains: tuple[str, ...]
    check: CheckBoards | None = None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def seed_registry(con: duckdb.DuckDBPyConnection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Make every registry board (dicts with ats, token, site, board, company) a `registry`
    row; return how many registry boards there are."""
    seed = pa.Table.from_pylist(
        [
            {
                "ats": str(r["ats"]),
                "token": str(r.get("token") or r["board"]),
                "site": r.get("site"),
                "board": str(r["board"]),
                "company": r.get("company"),
            }
            for r in rows
        ],
        schema=pa.schema(
            [
                ("ats", pa.string()),
                ("token", pa.string()),
                ("site", pa.string()),
                ("board", pa.string()),
                ("company", pa.string()),
            ]
        ),
    )
    con.register("board_seed", seed)
    try:
        con.execute(sql_text("boards_seed"))
    finally:
        con.unregister("board_seed")
    return seed.num_rows


def update_from_crawls(con: duckdb.DuckDBPyConnection) -> None:
    """Fold every crawl run's board outcomes into the table (idempotent: recomputed)."""
    con.execute(sql_text("boards_update_from_crawls"))


def _pattern(domains: Iterable[str]) -> str:
    return "(?i)" + "|".join(d.replace(".", r"\.") for d in domains)


def scan_landed(
    con: duckdb.DuckDBPyConnection,
    find: FindBoards,
    domains: Iterable[str],
    scanned_at: datetime | None = None,
) -> dict[str, int]:
    """Scan the landed postings discovery has not read yet; add the boards they link as
    candidates. `domains` narrows the scan to texts that mention one of them.

    A posting linking its own board (a Greenhouse posting's own URL) is not a discovery.
    Returns rows scanned, links found, new candidates."""
    before = con.sql(sql_text("boards_count")).fetchall()[0][0]
    result = con.execute(sql_text("boards_scan_rows"), {"pattern": _pattern(domains)})
    links: list[dict[str, Any]] = []
    scanned = 0
    while True:
        rows = result.fetchmany(SCAN_BATCH)
        if not rows:
            break
        for posting_id, source, board, crawl_date, url, attribution, html, text in rows:
            scanned += 1
            own = (source, (board or "").lower())
            for ref in find(url, attribution, html, text):
                key = ref.board.lower()
                if (ref.ats, key) == own:
                    continue
                links.append(
                    {
                        "posting_id": posting_id,
                        "ats": ref.ats,
                        "token": ref.token,
                        "site": ref.site,
                        "board": ref.board,
                        "board_key": key,
                        "crawl_date": crawl_date,
                    }
                )
    found = pa.Table.from_pylist(
        links,
        schema=pa.schema(
            [
                ("posting_id", pa.string()),
                ("ats", pa.string()),
                ("token", pa.string()),
                ("site", pa.string()),
                ("board", pa.string()),
                ("board_key", pa.string()),
                ("crawl_date", pa.date32()),
            ]
        ),
    )
    con.register("found_links", found)
    try:
        con.execute(sql_text("boards_links_add"))
    finally:
        con.unregister("found_links")
    con.execute(sql_text("boards_scan_mark"), {"scanned_at": scanned_at or _now()})
    after = con.sql(sql_text("boards_count")).fetchall()[0][0]
    return {"scanned": scanned, "links": len(links), "new_candidates": after - before}


def to_validate(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every `candidate` board (new ones and those whose check failed last time)."""
    rows = con.sql(sql_text("boards_to_validate")).fetchall()
    return [{"ats": a, "board": b, "site": s} for a, b, s in rows]


def record_checks(
    con: duckdb.DuckDBPyConnection,
    checks: Iterable[tuple[str, str, str]],
    checked_at: datetime | None = None,
) -> int:
    """Write (ats, board, status) answers of a validation crawl; return how many."""
    when = checked_at or _now()
    n = 0
    for ats, board, status in checks:
        if status not in ("valid", "invalid", "candidate"):
            raise ValueError(f"a check gives valid, invalid or candidate, not {status!r}")
        con.execute(
            sql_text("boards_record_check"),
            {"status": status, "checked_at": when, "ats": ats, "board": board},
        )
        n += 1
    return n


def crawl_plan(con: duckdb.DuckDBPyConnection, *, review: bool) -> list[dict[str, Any]]:
    """The discovered boards a crawl adds to the registry's (valid; accepted under review)."""
    rows = con.execute(sql_text("boards_crawl_plan"), {"review": review}).fetchall()
    return [{"ats": a, "board": b, "site": s, "first_seen": f} for a, b, s, f in rows]


def accept(
    con: duckdb.DuckDBPyConnection,
    ats: str | None = None,
    board: str | None = None,
    accepted_at: datetime | None = None,
) -> int:
    """Accept valid boards for crawling under `discovered_boards = "review"` (all valid
    boards, one family's, or one board); return how many valid boards are accepted now."""
    con.execute(
        sql_text("boards_accept"),
        {"ats": ats, "board": board, "accepted_at": accepted_at or _now()},
    )
    return con.execute(sql_text("boards_accepted_count"), {"ats": ats, "board": board}).fetchall()[
        0
    ][0]


def list_boards(
    con: duckdb.DuckDBPyConnection, status: str | None = None, ats: str | None = None
) -> list[dict[str, Any]]:
    """The table as dicts (one per board), filtered by status and/or family."""
    result = con.execute(sql_text("boards_list"), {"status": status, "ats": ats})
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def discover_boards(
    con: duckdb.DuckDBPyConnection,
    discovery: BoardDiscovery,
    say: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Seed the registry, fold the crawls in, scan what has landed, probe every candidate and
    record the answers, all in the caller's writer; what it did, with boards by status."""
    say = say or (lambda _m: None)
    seed_registry(con, discovery.registry)
    update_from_crawls(con)
    scan = scan_landed(con, discovery.find, discovery.domains)
    say(
        f"boards: scanned {scan['scanned']} posting version(s) with board links, "
        f"{scan['links']} link(s), {scan['new_candidates']} new candidate(s)"
    )
    checks: list[tuple[str, str, str]] = []
    candidates = to_validate(con) if discovery.check is not None else []
    if candidates and discovery.check is not None:
        say(f"boards: checking {len(candidates)} candidate(s), one request each")
        checks = discovery.check(candidates)
        record_checks(con, checks)
    outcome = {s: sum(1 for c in checks if c[2] == s) for s in ("valid", "invalid", "candidate")}
    say(
        f"boards: {outcome['valid']} valid, {outcome['invalid']} invalid, "
        f"{outcome['candidate']} still to check"
    )
    by_status = dict(con.sql(sql_text("boards_by_status")).fetchall())
    return {
        **scan,
        "checked": len(checks),
        **{f"checked_{k}": v for k, v in outcome.items()},
        "boards_by_status": by_status,
    }
