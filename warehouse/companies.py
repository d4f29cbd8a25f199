"""The `companies` table, rebuilt from postings."""

from __future__ import annotations

import duckdb

from warehouse.sqlfiles import sql_text


def update_companies(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild `companies` from postings; returns the number of companies."""
    con.execute(sql_text("companies_rebuild"))
    return con.sql(sql_text("companies_count")).fetchall()[0][0]
