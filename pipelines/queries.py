"""The read-only SQL the assets and checks run, kept in warehouse/queries/pipelines/*.sql."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

QUERIES_DIR = Path(__file__).resolve().parent.parent / "warehouse" / "queries" / "pipelines"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


@cache
def query_text(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_query(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of `queries/<name>.sql` (runs on duckdb 1.x and 2.x)."""
    result = con.execute(query_text(name), params or {})
    columns = [d[0] for d in result.description or []]
    return columns, result.fetchall()


def row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    if not _IDENTIFIER.match(table):
        raise ValueError(f"not a table name: {table!r}")
    return int(con.execute(query_text("row_count").format(table=table)).fetchall()[0][0])


def markdown_table(columns: list[str], rows: list[tuple[Any, ...]], limit: int = 10) -> str:
    """The first `limit` rows as a markdown table, for the UI's metadata panel."""
    if not rows:
        return "_no rows_"
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows[:limit]:
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    if len(rows) > limit:
        lines.append(f"\n… and {len(rows) - limit} more")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value).replace("|", "\\|").replace("\n", " ")[:80]
