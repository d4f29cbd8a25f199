"""Incremental upkeep of the heavy materialised bases of the views (the `mat_*` tables of
010_posting_facts.sql, 015_job_skills.sql, 020_posting_families.sql and
160_skill_cooccurrence.sql): a refresh recomputes only the canonical jobs whose inputs
changed, with the very SQL of those files run on the affected jobs' postings, and
deletes + inserts their rows, instead of rebuilding millions of rows.

What changed is found by content, among the postings the change record names
(`posting_changes`, migration 016: every statement that writes postings or their skills
records the postings it wrote): `mat_posting_state` keeps, per posting, fingerprints of
the columns the bases read (and of its skills), as of the last build, and only the
recorded postings are fingerprinted again and compared with them (a posting recorded but
unchanged compares equal). A posting whose fingerprint moved makes its old and its new
canonical job affected. Every base row is a function of one canonical job's postings, so
running the base SQL on the affected jobs' postings alone gives exactly their rows (the
integer numbering the SQL uses inside is local to one run). Two fingerprints: `fp` (every
column but last_seen and closed_at) says the job's rows are rebuilt; `fp_skills` (skills,
role, dates and pay that the skill rows carry) decides the job-skill, family and
co-occurrence rows, which then change for far fewer jobs. last_seen and closed_at move for
every live posting daily: the lifecycle records those postings apart (`lifecycle`), they
are not fingerprinted, and their jobs' posting_facts rows get last_seen, closed_at and
days_open updated in place.

A full rebuild (the view files as they are) runs when there is no state yet, when the
view SQL or the taxonomy (`skills`) changed since the state was written, or when asked.
tests/warehouse/test_views_incremental.py checks incremental == full on the same landing.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import duckdb

from warehouse.sqlfiles import SQL_DIR, sql_text

# The view files whose `mat_*` tables are kept incrementally (the other view files are
# cheap aggregates over these and are re-run every time).
HEAVY_FILES = ("010_posting_facts", "015_job_skills", "020_posting_families")
COOCCURRENCE_FILE = "160_skill_cooccurrence"
STATE_VERSION = "4"  # 4: no history end in the fingerprint (the change record says it)
# The SQL of this module (warehouse/sql/views_incremental_*.sql): part of what the bases
# were built with.
OWN_SQL = (
    "views_incremental_scope_all",
    "views_incremental_scope_changes",
    "views_incremental_scope_drop",
    "views_incremental_fingerprints",
    "views_incremental_affected",
    "views_incremental_apply",
    "views_incremental_record",
)


_MAT_TABLES = (
    "mat_posting_facts",
    "mat_job_skills",
    "mat_posting_families",
    "mat_skill_cooccurrence",
    "mat_posting_state",
    "mat_views_state",
)


def views_hash(con: duckdb.DuckDBPyConnection, files: list[Path]) -> str:
    """What the bases were built with: the view SQL, this module's, and the taxonomy."""
    digest = hashlib.sha256(STATE_VERSION.encode())
    for path in files:
        digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    for name in OWN_SQL:
        digest.update((SQL_DIR / f"{name}.sql").read_bytes())
    taxonomy = con.sql(sql_text("views_incremental_taxonomy")).fetchall()[0]
    digest.update(repr(taxonomy).encode())
    return digest.hexdigest()


def can_update(con: duckdb.DuckDBPyConnection, sql_hash: str) -> bool:
    """Whether the kept bases and state were built by the same SQL and taxonomy."""
    present = {
        row[0]
        for row in con.sql(
            sql_text("views_incremental_present"), params=[list(_MAT_TABLES)]
        ).fetchall()
    }
    if present != set(_MAT_TABLES):
        return False
    rows = con.sql(sql_text("views_incremental_state_hash")).fetchall()
    return rows == [(sql_hash,)]


def _subset_sql(text: str) -> str:
    """A heavy view file's SQL on the affected jobs only: it reads `inc_postings` /
    `inc_posting_skills` and writes temp `inc_mat_*` tables; its views are left out."""
    text = re.sub(r"create\s+or\s+replace\s+view\b[^;]*(;|$)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(mat_[a-z_]+)\b", r"inc_\1", text)
    text = re.sub(r"\bposting_skills\b", "inc_posting_skills", text)
    text = re.sub(r"\bpostings\b", "inc_postings", text)
    return re.sub(
        r"create\s+or\s+replace\s+table", "create or replace temp table", text, flags=re.I
    )


def update_bases(
    con: duckdb.DuckDBPyConnection, files: dict[str, Path], timings: dict[str, float]
) -> dict[str, int]:
    """Bring the heavy bases up to date for the jobs that changed; return counts
    (`timings` gets each part's seconds)."""
    started = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal started
        now = time.perf_counter()
        timings[f"incremental {name}"] = now - started
        started = now

    con.execute(sql_text("views_incremental_scope_changes"))
    con.execute(sql_text("views_incremental_fingerprints"))
    lap("fingerprints")
    con.execute(sql_text("views_incremental_affected"))
    jobs, skill_jobs, life_jobs = con.sql(sql_text("views_incremental_counts")).fetchall()[0]
    lap(f"affected ({jobs} jobs, {skill_jobs} for skills, {life_jobs} history end only)")
    for stem in HEAVY_FILES:
        con.execute(_subset_sql(files[stem].read_text(encoding="utf-8")))
        lap(stem)
    con.execute(sql_text("views_incremental_apply"))
    con.execute(sql_text("views_incremental_scope_drop"))
    lap("apply")
    return {"jobs": jobs, "skill_jobs": skill_jobs, "life_jobs": life_jobs}


def record_state(con: duckdb.DuckDBPyConnection, sql_hash: str) -> None:
    """After a full build of the bases: the fingerprints they were built from."""
    con.execute(sql_text("views_incremental_scope_all"))
    con.execute(sql_text("views_incremental_fingerprints"))
    con.execute(sql_text("views_incremental_record"))
    con.execute(sql_text("views_incremental_scope_drop"))
    con.execute(sql_text("views_incremental_record_hash"), [sql_hash])
