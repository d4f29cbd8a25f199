"""The `skills` table: the skill taxonomy, replaced whole on every load."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb
import polars as pl

from warehouse.arrow_handover import ARROW_COMPAT
from warehouse.sqlfiles import sql_text


def _str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value)
    return text if text else None


TAXONOMY_SCHEMA: dict[str, pl.DataType] = {
    "skill_id": pl.String(),
    "name": pl.String(),
    "category": pl.String(),
    "family": pl.String(),
    "aliases": pl.List(pl.String()),
}


def load_taxonomy(con: duckdb.DuckDBPyConnection, skills: Iterable[Any]) -> int:
    """Replace the `skills` table with the taxonomy (dicts or objects with
    id, name, category, family, aliases). Returns the number of skills."""
    rows: dict[str, dict[str, Any]] = {}
    for skill in skills:
        get = skill.get if isinstance(skill, dict) else lambda k, s=skill: getattr(s, k, None)
        sid = get("id") or get("skill_id")
        if not sid:
            continue
        rows[str(sid)] = {
            "skill_id": str(sid),
            "name": str(get("name") or sid),
            "category": _str(get("category")),
            "family": _str(get("family")),
            "aliases": sorted(str(a) for a in (get("aliases") or ())),
        }
    frame = pl.DataFrame(list(rows.values()), schema=TAXONOMY_SCHEMA).sort("skill_id")
    con.register("taxonomy_batch", frame.to_arrow(compat_level=ARROW_COMPAT))
    try:
        con.execute(sql_text("taxonomy_replace"))
    finally:
        con.unregister("taxonomy_batch")
    return frame.height
