"""The report views: every `warehouse/views/*.sql`, run in file-name order, and their lineage.

Lineage (which tables and views each view reads) comes from parsing the SQL with sqlglot
(DuckDB dialect), not from patterns: CTE names are not relations, comments are not SQL.
Tables a view file creates (materialised bases, temp helpers) are not part of the data
model: a view reading one reads what that helper reads.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    from sqlglot import exp

VIEWS_DIR = Path(__file__).with_name("views")
# The names of the views a file creates, for `create_views`' answer only: a refresh need
# not import and run the SQL parser (seconds) to list them. tests/warehouse/test_views.py
# checks these names against the parsed statements.
_VIEW_NAME = re.compile(r"create\s+or\s+replace\s+view\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


@dataclass(frozen=True)
class ViewStatement:
    """One `create [or replace] view|table` of a view file, with the relations it reads
    (an `insert into` a helper table made there adds to that helper's reads)."""

    kind: str  # "view" | "table"
    name: str
    reads: frozenset[str]


def view_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or VIEWS_DIR).glob("*.sql"))


def relations_read(statement: exp.Expression) -> set[str]:
    """The tables and views a statement reads: every table reference that is not one of
    its own CTEs and not the object it creates or inserts into."""
    from sqlglot import exp

    ctes = {cte.alias_or_name.lower() for cte in statement.find_all(exp.CTE)}
    target = statement.this
    created = target.this if isinstance(target, exp.Schema) else target
    own = created.name.lower() if isinstance(created, exp.Table) else None
    names = {table.name.lower() for table in statement.find_all(exp.Table) if table.name}
    return names - ctes - {own}


def _target(statement: exp.Expression) -> str:
    from sqlglot import exp

    target = statement.this
    table = target.this if isinstance(target, exp.Schema) else target
    return table.name.lower()


def parse_view_sql(texts: Iterable[str]) -> list[ViewStatement]:
    """The statements of view files' texts, in order."""
    import sqlglot
    from sqlglot import exp

    statements: list[ViewStatement] = []
    by_name: dict[str, int] = {}
    for text in texts:
        for statement in sqlglot.parse(text, read="duckdb"):
            if isinstance(statement, exp.Create) and statement.kind in {"VIEW", "TABLE"}:
                name = _target(statement)
                by_name[name] = len(statements)
                statements.append(
                    ViewStatement(
                        statement.kind.lower(), name, frozenset(relations_read(statement))
                    )
                )
            elif isinstance(statement, exp.Insert) and _target(statement) in by_name:
                index = by_name[_target(statement)]
                made = statements[index]
                statements[index] = ViewStatement(
                    made.kind, made.name, made.reads | relations_read(statement)
                )
    return statements


def view_statements(directory: Path | None = None) -> list[ViewStatement]:
    """The statements of every view file, in creation order."""
    return parse_view_sql(path.read_text(encoding="utf-8") for path in view_files(directory))


def view_lineage(statements: list[ViewStatement]) -> dict[str, frozenset[str]]:
    """{view: the views and data-model tables it reads}, in creation order. A helper table
    made in the view files stands for what it reads (also what is inserted into it later
    in the file), recursively."""
    helper_reads = {s.name: s.reads for s in statements if s.kind == "table"}
    resolved: dict[str, frozenset[str]] = {}

    def resolve(names: frozenset[str], seen: frozenset[str] = frozenset()) -> frozenset[str]:
        found: set[str] = set()
        for name in names:
            if name not in helper_reads:
                found.add(name)
            elif name in resolved:
                found |= resolved[name]
            elif name not in seen:
                resolved[name] = resolve(helper_reads[name], seen | {name})
                found |= resolved[name]
        return frozenset(found)

    return {s.name: resolve(s.reads) for s in statements if s.kind == "view"}


def query_relations(sql: str) -> frozenset[str]:
    """The relations one query reads (e.g. warehouse/sql/pay_premium_inputs.sql)."""
    import sqlglot

    found: set[str] = set()
    for statement in sqlglot.parse(sql, read="duckdb"):
        if statement is not None:
            found |= relations_read(statement)
    return frozenset(found)


def create_views(
    con: duckdb.DuckDBPyConnection,
    directory: Path | None = None,
    timings: dict[str, float] | None = None,
    *,
    incremental: bool = True,
) -> list[str]:
    """(Re)create every view; return the view names in creation order (`timings` gets
    each view file's seconds). With `incremental` (the default) and bases built by the
    same SQL and taxonomy, the heavy `mat_*` bases are updated for the jobs that changed
    (warehouse.views_incremental) instead of rebuilt."""
    from warehouse import views_incremental as inc

    files = view_files(directory)
    by_stem = {path.stem: path for path in files}
    kept = set(inc.HEAVY_FILES) | {inc.COOCCURRENCE_FILE}
    managed = directory is None and kept <= set(by_stem)
    sql_hash = inc.views_hash(con, files) if managed else ""
    update = managed and incremental and inc.can_update(con, sql_hash)
    if update:
        inc.update_bases(con, by_stem, timings if timings is not None else {})
    names: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if update and path.stem in kept:
            names.extend(name.lower() for name in _VIEW_NAME.findall(text))
            continue
        started = time.perf_counter()
        con.execute(text)
        if timings is not None:
            timings[path.stem] = time.perf_counter() - started
        names.extend(name.lower() for name in _VIEW_NAME.findall(text))
    if managed and not update:
        started = time.perf_counter()
        inc.record_state(con, sql_hash)
        if timings is not None:
            timings["incremental state"] = time.perf_counter() - started
    return names
