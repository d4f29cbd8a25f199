"""Posting history: first_seen, last_seen, closed_at (and reopening) from crawl dates.

Dates come from the crawls (the landing partition date), never from the wall clock, so
past snapshots loaded today still produce a real history. A posting is closed only by a
later crawl that covered its board completely (`crawl_runs.boards_ok`): a failed or
partial crawl of a board closes nothing.

A refresh (warehouse/refresh.py) computes the lifecycle before it loads the extractions
(`compute_lifecycle`: the postings it inserts take theirs from it) and applies it to the
other postings after (`apply_lifecycle`).
"""

from __future__ import annotations

import duckdb

from warehouse.sqlfiles import sql_text


def compute_lifecycle(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Compute every posting's lifecycle into the `lifecycle_new` temp table; return what
    will change (newly_closed, reopened). Postings loaded before `apply_lifecycle` take
    their lifecycle from it as they are inserted (extract_upsert), so a refresh does not
    update a million rows it has just written (that update tripled the final checkpoint)."""
    con.execute(sql_text("lifecycle_known_runs"))
    con.execute(sql_text("lifecycle_new_runs"))
    # Every posting comes from posting_latest: when the counts show no unloaded posting
    # beyond those the new runs sighted, nobody has to compare every posting id.
    unloaded, sighted_now = con.sql(sql_text("lifecycle_unloaded_count")).fetchall()[0]
    if unloaded != sighted_now:
        con.execute(sql_text("lifecycle_unloaded_all"))
    con.execute(sql_text("lifecycle_compute"))
    con.execute(sql_text("lifecycle_new_runs_drop"))
    newly_closed, reopened = con.sql(sql_text("lifecycle_changes")).fetchall()[0]
    return {"newly_closed": newly_closed, "reopened": reopened}


def apply_lifecycle(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Write `lifecycle_new` into the postings that differ; return the totals
    (postings, open_postings, closed_postings)."""
    con.execute(sql_text("lifecycle_apply"))
    postings, open_postings, closed_postings = con.sql(sql_text("lifecycle_totals")).fetchall()[0]
    return {
        "postings": postings,
        "open_postings": open_postings,
        "closed_postings": closed_postings,
    }
