"""Employer boilerplate: the sentences an employer repeats on its postings (its "About
us", its product names, its recruiting-scam notice in words no section table knows).
A skill named only in such sentences is the employer's, not the job's: its
`posting_skills` row is flagged (`boilerplate`) and the views do not count it; the row
and its evidence stay.

No list of employers or phrases: every skill evidence carries the key of the sentence it
was read in (transforms.sections.sentence_key, in `posting_skills.sentence_keys`); a
sentence on at least MIN_POSTINGS of one employer's postings, across MIN_TITLES distinct
titles, and on at least MIN_SHARE of them is that employer's boilerplate
(`employer_boilerplate`).

A refresh computes only the employers whose postings moved since the last one
(`boilerplate_postings` keeps what was read of each posting, as the dedupe keeps its
blocks): every employer's result depends on its own postings alone, so untouched
employers keep theirs and the result is that of computing everything. A change of these
rules (this module or its SQL: the step's fingerprint) computes every employer again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

import duckdb

from warehouse.sqlfiles import SQL_DIR, sql_text

# Fewer postings than this are too little evidence: a small employer's two or three
# postings of one team may share a duties paragraph that is the job's own.
MIN_POSTINGS = 5
# One job posted again (several cities, a re-opening) repeats its own duties word for
# word; a paragraph on postings of three different titles is the employer's, not a job's.
MIN_TITLES = 3
# A paragraph that one department's postings share (a team's description) on a big
# board stays below this; the employer's "About us" is on most of its postings (the real
# boards' company paragraphs were on 0.6-0.7 of their postings, unknown to the tables).
MIN_SHARE = 0.4
STEP = "employer boilerplate"  # its row in step_fingerprints


class BoilerplateRun(NamedTuple):
    """What one run did: employers computed again, boilerplate sentences kept in all."""

    employers: int
    sentences: int


def state_fingerprint() -> str:
    """What the kept results were computed with: this module (the thresholds) and its SQL."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(SQL_DIR.glob("boilerplate_*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def update_employer_boilerplate(
    con: duckdb.DuckDBPyConnection, *, full: bool = False
) -> BoilerplateRun:
    """Bring `employer_boilerplate` and `posting_skills.boilerplate` up to date for the
    employers whose postings moved (all of them with `full` or a changed fingerprint)."""
    fingerprint = state_fingerprint()
    kept = con.execute(sql_text("step_fingerprint"), [STEP]).fetchall()
    if full or kept != [(fingerprint,)]:
        con.execute(sql_text("boilerplate_reset"))
        con.execute(sql_text("step_fingerprint_forget"), [STEP])
        con.execute(sql_text("step_fingerprint_insert"), [STEP, fingerprint])
    try:
        nothing_kept = con.sql(sql_text("boilerplate_kept_count")).fetchall()[0][0] == 0
        con.execute(
            sql_text("boilerplate_scope_all" if nothing_kept else "boilerplate_scope_changes")
        )
        con.execute(sql_text("boilerplate_dirty"))
        employers = con.sql(sql_text("boilerplate_dirty_count")).fetchall()[0][0]
        if employers:
            con.execute(sql_text("boilerplate_compute"), [MIN_POSTINGS, MIN_TITLES, MIN_SHARE])
            con.execute(sql_text("boilerplate_apply"))
        sentences = con.sql(sql_text("boilerplate_count")).fetchall()[0][0]
    finally:
        con.execute(sql_text("boilerplate_cleanup"))
    return BoilerplateRun(int(employers), int(sentences))
