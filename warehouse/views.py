"""The report views: every `warehouse/views/*.sql`, run in file-name order."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

VIEWS_DIR = Path(__file__).with_name("views")
_VIEW_NAME = re.compile(r"create\s+or\s+replace\s+view\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def view_files() -> list[Path]:
    return sorted(VIEWS_DIR.glob("*.sql"))


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create every view; return the view names in creation order."""
    names: list[str] = []
    for path in view_files():
        text = path.read_text(encoding="utf-8")
        con.execute(text)
        names.extend(_VIEW_NAME.findall(text))
    return names
