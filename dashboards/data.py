"""Read the warehouse views the report needs into Polars frames.

The report reads views only (docs/architecture.md §4 and the claims views), whole, through
a read-only connection: `select * from <view>` is all the SQL this room sends, apart from the
column list it takes from `posting_facts` for the week-over-week pay figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import polars as pl

INDEX_VIEWS = (
    "weekly_demand",
    "salary_bands",
    "band_175k_300k",
    "ai_involvement_weekly",
    "skill_demand",
    "skill_trends",
    "skill_pay_premium",
    "skill_cooccurrence",
    "top_employers",
    "time_to_close",
    "source_summary",
    "state_pay",
)
CLAIMS_VIEWS = (
    "claims_overview",
    "claims_pay",
    "claims_pay_monthly",
    "claims_family_combos",
    "claims_family_counts",
    "claims_experience",
    "claims_hiring",
    "claims_titles",
    "claims_titles_examples",
    "crawl_weeks",
    "observed_weekly",
    "report_provenance",
)
PAY_WEEKS_COLUMNS = ("role", "first_seen", "pay_usd")
# The two base views every other view builds on.
BASE_VIEWS = ("posting_facts", "posting_families")


class ReportError(RuntimeError):
    """A problem the user can fix; the message is one line that says how."""


def _read(con: duckdb.DuckDBPyConnection, query: str, view: str) -> pl.DataFrame:
    try:
        return con.sql(query).pl()
    except duckdb.CatalogException:
        raise ReportError(
            f"the warehouse has no view {view!r}: run `promptjobs refresh` to build the "
            "warehouse (it creates the views) before `promptjobs report`"
        ) from None


def load_views(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> dict[str, pl.DataFrame]:
    return {name: _read(con, f"select * from {name}", name) for name in names}


def load_pay_weeks(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """One row per canonical job: role, first_seen, pay_usd (median pay of the jobs first
    seen in a crawled week)."""
    columns = ", ".join(PAY_WEEKS_COLUMNS)
    return _read(con, f"select {columns} from posting_facts", "posting_facts")


@contextmanager
def snapshot_base_views(con: duckdb.DuckDBPyConnection) -> Iterator[list[str]]:
    """Compute `posting_facts` and `posting_families` once for the whole report build.

    Every aggregate view re-derives these two from the raw tables, about twenty times per
    report. A TEMP table of the same name (session-only, in memory; allowed on a read-only
    connection) holds the view's own rows, and DuckDB binds names in views to the temp
    schema first, so each later view reads the snapshot. Same rows, computed once. Where a
    temp table cannot be made, nothing changes but the speed. Dropped on exit.
    """
    created: list[str] = []
    try:
        for name in BASE_VIEWS:
            try:
                con.execute(f"create temp table {name} as select * from {name}")
            except duckdb.Error:
                break
            created.append(name)
        yield created
    finally:
        for name in reversed(created):
            con.execute(f"drop table if exists temp.{name}")
