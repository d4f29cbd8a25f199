"""Which SQL `promptjobs sql` runs: read queries only, as DuckDB's own parser sees them.

The reader connection is already read-only with external access off and its
configuration locked, but DuckDB still lets such a connection write its own side files
(`<db>.wal`, `.wal.recovery`, `.wal.checkpoint`, `<db>.tmp/`) and run statements that
change the session (temporary views, profiling, logging). So before anything runs:

- `con.extract_statements()` splits the text and names each statement's type (pragmas
  that read, like `pragma table_info`, come back as the SELECT DuckDB rewrites them to);
  only SELECT (which covers FROM-first, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE) passes;
- `EXPLAIN [ANALYZE] [(options)] X` passes only when X, cut out with DuckDB's tokenizer
  and parsed again, is one such SELECT: EXPLAIN ANALYZE runs X;
- every SELECT's parse tree (`json_serialize_sql`) is walked, subqueries included: a table
  function must be one that only reads the catalog or computes rows (`query()`,
  `enable_logging()`, `checkpoint()`, file readers... are refused) and a table name must
  not be a file path (DuckDB's replacement scan).

The messages are the one line the CLI prints.
"""

from __future__ import annotations

import json
import re

import duckdb

# Table functions a read query may call: they compute rows or read the catalog. Anything
# else runs SQL text (query, query_table, json_execute_serialized_sql), changes the
# session or the database (enable_logging, enable_profiling, checkpoint...) or reads files.
READ_TABLE_FUNCTIONS = frozenset(
    {
        "range",
        "generate_series",
        "unnest",
        "repeat",
        "repeat_row",
        "summary",
        "json_each",
        "json_tree",
        "histogram",
        "histogram_values",
        "pg_timezone_names",
        "icu_calendar_names",
        "test_all_types",
        "duckdb_columns",
        "duckdb_constraints",
        "duckdb_databases",
        "duckdb_dependencies",
        "duckdb_functions",
        "duckdb_indexes",
        "duckdb_keywords",
        "duckdb_schemas",
        "duckdb_sequences",
        "duckdb_settings",
        "duckdb_tables",
        "duckdb_types",
        "duckdb_views",
        "duckdb_extensions",
        "duckdb_optimizers",
        "duckdb_memory",
        "duckdb_variables",
        "pragma_table_info",
        "pragma_show",
        "pragma_storage_info",
        "pragma_database_size",
        "pragma_version",
        "pragma_platform",
        "pragma_collations",
        "pragma_metadata_info",
        "pragma_user_agent",
    }
)
_FILE_FUNCTION = re.compile(r"^(read_|parquet_|sniff_|glob$)|_scan$")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

FILES_DISABLED = (
    "reading or writing files is disabled in `promptjobs sql`; "
    "query the warehouse tables and views, or use `promptjobs export DIR`"
)
READ_ONLY_KINDS = "SELECT, FROM, WITH, DESCRIBE, SHOW, SUMMARIZE, and EXPLAIN of these"


class RefusedQuery(Exception):
    """A statement `promptjobs sql` will not run; the message says why in one line."""


def read_statements(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The statements of `text` as DuckDB parsed them, each checked to be a read query.

    Raises RefusedQuery (or duckdb.Error for SQL that does not parse) before anything
    runs: a refused statement anywhere in `text` means none of it runs.
    """
    statements = con.extract_statements(text)
    if not statements:
        raise RefusedQuery(
            "empty query: give one SELECT statement, e.g. `select * from postings limit 5`"
        )
    for statement in statements:
        _check_statement(con, statement)
    return [statement.query for statement in statements]


def _check_statement(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> None:
    kind = statement.type.name
    if kind == "EXPLAIN":
        inner = _explained(statement.query)
        inner_statements = con.extract_statements(inner) if inner is not None else []
        inner_kind = inner_statements[0].type.name if len(inner_statements) == 1 else None
        if inner_kind != "SELECT":
            raise RefusedQuery(
                f"EXPLAIN {inner_kind or 'of this'} is not allowed: EXPLAIN [ANALYZE] runs "
                f"here only for a read query ({READ_ONLY_KINDS})"
            )
        _check_tree(con, inner_statements[0].query)
        return
    if kind == "SELECT":
        _check_tree(con, statement.query)
        return
    raise RefusedQuery(_refusal(kind))


def _refusal(kind: str) -> str:
    if kind in {"COPY", "EXPORT"}:
        return (
            "COPY/EXPORT cannot write files here: use `--format csv|json|parquet -o FILE` "
            "or `promptjobs export DIR`"
        )
    if kind in {"ATTACH", "DETACH"}:
        return "ATTACH is disabled: `promptjobs sql` reads the warehouse only"
    if kind == "LOAD":
        return "installing or loading extensions is disabled in `promptjobs sql`"
    return f"{kind} is not allowed: the warehouse is read-only here (only {READ_ONLY_KINDS} run)"


def _explained(query: str) -> str | None:
    """The statement an `EXPLAIN [ANALYZE] [(options)] statement` explains, cut out at
    DuckDB's own token boundaries; None when the options are not plain words."""
    tokens = duckdb.tokenize(query)
    words = [_token_text(query, offset) for offset, _ in tokens]
    position = 0
    if not words or words[0].lower() != "explain":
        return None
    position = 1
    if position < len(words) and words[position].lower() in {"analyze", "analyse"}:
        position += 1
    if position < len(words) and words[position].startswith("("):
        # Options such as (FORMAT json): plain words and commas up to the closing
        # parenthesis. Anything else (a nested parenthesis, a SELECT) is refused rather
        # than guessed at.
        position += 1
        while position < len(words) and not words[position].startswith(")"):
            word = words[position]
            if word.startswith("(") or word.lower() in {"select", "from", "with", "values"}:
                return None
            position += 1
        position += 1
    if position >= len(words):
        return None
    return query[tokens[position][0] :]


def _token_text(query: str, offset: int) -> str:
    match = _WORD.match(query, offset)
    return match.group(0) if match else query[offset : offset + 1]


def _check_tree(con: duckdb.DuckDBPyConnection, query: str) -> None:
    serialized = con.execute("select json_serialize_sql(?)", [query]).fetchone()
    tree = json.loads(serialized[0]) if serialized else {"error": True}
    if tree.get("error"):
        raise RefusedQuery(
            "this query cannot be checked as a read query "
            f"({tree.get('error_message', 'not serializable')}): write it as a plain SELECT"
        )
    for node in _nodes(tree):
        if node.get("type") == "TABLE_FUNCTION":
            name = str((node.get("function") or {}).get("function_name", "")).lower()
            if name in READ_TABLE_FUNCTIONS:
                continue
            if _FILE_FUNCTION.search(name):
                raise RefusedQuery(FILES_DISABLED)
            raise RefusedQuery(
                f"{name}() is not allowed in `promptjobs sql`: it runs SQL text or changes "
                "the session; query the warehouse tables and views directly"
            )
        if node.get("type") == "BASE_TABLE" and re.search(r"[./\\:]", node.get("table_name", "")):
            raise RefusedQuery(FILES_DISABLED)


def _nodes(value: object):  # type: ignore[no-untyped-def]
    """Every dict in a parse tree, depth first (subqueries, CTEs, joins included)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
