"""Posting history: first_seen, last_seen, closed_at (and reopening) from crawl dates.

Dates come from the crawls (the landing partition date), never from the wall clock, so
past snapshots loaded today still produce a real history. A posting is closed only by a
later crawl that covered its board completely (`crawl_runs.boards_ok`): a failed or
partial crawl of a board closes nothing.
"""

from __future__ import annotations

import duckdb

from warehouse.sqlfiles import sql_text


def update_lifecycle(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Recompute the lifecycle columns of every posting; return what changed and totals.

    Keys: postings, open_postings, closed_postings, newly_closed, reopened.
    """
    con.execute(sql_text("lifecycle_compute"))
    newly_closed, reopened = con.sql(sql_text("lifecycle_changes")).fetchall()[0]
    con.execute(sql_text("lifecycle_apply"))
    postings, open_postings, closed_postings = con.sql(sql_text("lifecycle_totals")).fetchall()[0]
    return {
        "postings": postings,
        "open_postings": open_postings,
        "closed_postings": closed_postings,
        "newly_closed": newly_closed,
        "reopened": reopened,
    }
