"""Employer boilerplate across postings, applied where all of an employer's postings are:
the rule is transforms.boilerplate (pure: one employer's postings in, flagged skills out);
this step feeds it the employers whose postings changed since their flags were computed
and stores the flags in `skill_boilerplate` (warehouse/views/005_skill_boilerplate.sql),
which every skill figure leaves out. Nothing is re-extracted: the rule reads the texts of
the extracted versions and their stored skills.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

import duckdb
import pyarrow as pa

from transforms.boilerplate import (
    MIN_POSTINGS,
    RULE_VERSION,
    BoilerplateSkill,
    EmployerPosting,
    employer_boilerplate,
)
from transforms.text import prepare_text
from warehouse.sqlfiles import sql_text
from warehouse.views import VIEWS_DIR

TABLES_FILE = VIEWS_DIR / "005_skill_boilerplate.sql"


def _employers(con: duckdb.DuckDBPyConnection) -> Iterator[tuple[str, list[EmployerPosting]]]:
    # Streamed in pages (the writer runs nothing else meanwhile): one employer at a time
    # is held in memory, not every affected posting's text.
    result = con.execute(sql_text("boilerplate_inputs"), [MIN_POSTINGS])
    pages = iter(lambda: result.fetchmany(2_000), [])
    flat = (row for page in pages for row in page)
    for company_key, group in groupby(flat, key=lambda row: row[0]):
        yield (
            company_key,
            [
                EmployerPosting(
                    posting_id=posting_id,
                    text=prepare_text(text),
                    title=title,
                    skills={s["skill_id"]: tuple(s["words"]) for s in skills},
                    company=company,
                )
                for _, company, posting_id, title, text, skills in group
            ],
        )


def update_skill_boilerplate(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Recompute the flags of the employers whose postings changed; returns counts
    (employers recomputed, flags they now have, flags in all)."""
    con.execute(TABLES_FILE.read_text(encoding="utf-8"))
    statements = sql_text("boilerplate_affected").split(";\n\n")
    con.execute(statements[0])  # the parameter is for the last statement only
    con.execute(statements[1], [RULE_VERSION])
    flags: list[tuple[str, BoilerplateSkill]] = []
    employers = 0
    for company_key, postings in _employers(con):
        employers += 1
        flags.extend((company_key, flag) for flag in employer_boilerplate(postings))
    table = pa.table(
        {
            "posting_id": pa.array([f.posting_id for _, f in flags], pa.string()),
            "skill_id": pa.array([f.skill_id for _, f in flags], pa.string()),
            "company_key": pa.array([k for k, _ in flags], pa.string()),
            "sentence": pa.array([f.sentence for _, f in flags], pa.string()),
            "sentence_jobs": pa.array([f.sentence_jobs for _, f in flags], pa.int64()),
            "employer_jobs": pa.array([f.employer_jobs for _, f in flags], pa.int64()),
            "reason": pa.array([f.reason for _, f in flags], pa.string()),
        }
    )
    con.register("bp_new", table)
    try:
        con.execute(sql_text("boilerplate_apply"))
    finally:
        con.unregister("bp_new")
    total = con.sql(sql_text("boilerplate_count")).fetchall()[0][0]
    return {"employers": employers, "flags": len(flags), "total": total}
