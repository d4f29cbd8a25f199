"""Named SQL statements kept in `warehouse/sql/*.sql`, so no query hides in a Python string."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).with_name("sql")


@cache
def sql_text(name: str) -> str:
    """The text of `warehouse/sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
