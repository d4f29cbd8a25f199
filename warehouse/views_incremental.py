"""Incremental upkeep of the heavy materialised bases of the views (the `mat_*` tables of
010_posting_facts.sql, 015_job_skills.sql, 020_posting_families.sql and
160_skill_cooccurrence.sql): a refresh recomputes only the canonical jobs whose inputs
changed, with the very SQL of those files run on the affected jobs' postings, and
deletes + inserts their rows, instead of rebuilding millions of rows.

What changed is found by content, not by bookkeeping in every step: `mat_posting_state`
keeps, per posting, a fingerprint of every column the bases read (and of its skills), as
of the last build. A posting whose fingerprint moved makes its old and its new canonical
job affected. Every base row is a function of one canonical job's postings, so running
the base SQL on the affected jobs' postings alone gives exactly their rows (the integer
numbering the SQL uses inside is local to one run). Two fingerprints: `fp` (all columns,
e.g. last_seen, which moves for every live posting daily) decides the posting_facts rows;
`fp_skills` (skills, role, dates and pay that the skill rows carry) decides the job-skill,
family and co-occurrence rows, which then change for far fewer jobs.

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

# The view files whose `mat_*` tables are kept incrementally (the other view files are
# cheap aggregates over these and are re-run every time).
HEAVY_FILES = ("010_posting_facts", "015_job_skills", "020_posting_families")
COOCCURRENCE_FILE = "160_skill_cooccurrence"
STATE_VERSION = "1"

_FINGERPRINTS = """
create or replace temp table inc_fp as
with sk as (
    select posting_id, bit_xor(hash(skill_id)) as h from posting_skills group by posting_id
)
select
    p.posting_id,
    p.canonical_posting_id,
    hash(
        p.canonical_posting_id, p.source, p.company, p.title, p.role, p.posted_at,
        p.seniority, p.remote, p.ai_involvement, p.language, p.country, p.us_state,
        p.world_region, p.first_seen, p.last_seen, p.closed_at, p.salary_min_annual_usd,
        p.salary_max_annual_usd, p.years_min, p.years_max, p.company_key, coalesce(sk.h, 0)
    ) as fp,
    hash(
        p.canonical_posting_id, p.role, p.posted_at, p.first_seen, p.salary_min_annual_usd,
        p.salary_max_annual_usd, coalesce(sk.h, 0)
    ) as fp_skills
from postings p
left join sk using (posting_id)
"""

_AFFECTED = """
create or replace temp table inc_changed as
select
    coalesce(n.posting_id, o.posting_id) as posting_id,
    n.canonical_posting_id as new_job,
    o.canonical_posting_id as old_job,
    n.fp_skills is distinct from o.fp_skills as skills_changed
from inc_fp n
full join mat_posting_state o using (posting_id)
where n.fp is distinct from o.fp;

create or replace temp table inc_jobs as
select new_job as job from inc_changed where new_job is not null
union
select old_job from inc_changed where old_job is not null;

create or replace temp table inc_skill_jobs as
select new_job as job from inc_changed where skills_changed and new_job is not null
union
select old_job from inc_changed where skills_changed and old_job is not null;

-- Only the columns the base SQL reads (copying all 39 of a quarter of the postings each
-- day cost more than the base SQL itself); a column it starts reading fails loudly here.
create or replace temp table inc_postings as
select
    posting_id, canonical_posting_id, source, company, title, role, posted_at, seniority,
    remote, ai_involvement, language, country, us_state, world_region, first_seen, last_seen,
    closed_at, salary_min_annual_usd, salary_max_annual_usd, years_min, years_max, company_key
from postings
where canonical_posting_id in (select job from inc_jobs);

create or replace temp table inc_posting_skills as
select * from posting_skills where posting_id in (select posting_id from inc_postings)
"""

_APPLY = """
-- Co-occurrence: take the affected jobs' old pairs out and their new pairs in.
create or replace temp table inc_pair_delta as
with old as (
    select canonical_posting_id, skill_id from mat_job_skills
    where canonical_posting_id in (select job from inc_skill_jobs)
),
new as (
    select canonical_posting_id, skill_id from inc_mat_job_skills
    where canonical_posting_id in (select job from inc_skill_jobs)
),
d as (
    select a.skill_id as skill_a, b.skill_id as skill_b, -count(*) as d
    from old a join old b on a.canonical_posting_id = b.canonical_posting_id
        and a.skill_id < b.skill_id
    group by all
    union all
    select a.skill_id, b.skill_id, count(*)
    from new a join new b on a.canonical_posting_id = b.canonical_posting_id
        and a.skill_id < b.skill_id
    group by all
)
select skill_a, skill_b, sum(d) as d from d group by all;

delete from mat_posting_facts where canonical_posting_id in (select job from inc_jobs);
insert into mat_posting_facts select * from inc_mat_posting_facts;

delete from mat_job_skills where canonical_posting_id in (select job from inc_skill_jobs);
insert into mat_job_skills
select * from inc_mat_job_skills where canonical_posting_id in (select job from inc_skill_jobs);

delete from mat_posting_families
where canonical_posting_id in (select job from inc_skill_jobs);
insert into mat_posting_families
select * from inc_mat_posting_families
where canonical_posting_id in (select job from inc_skill_jobs);

create or replace temp table inc_cooccurrence as
with pairs as (
    select
        coalesce(c.skill_a, d.skill_a) as skill_a,
        coalesce(c.skill_b, d.skill_b) as skill_b,
        cast(coalesce(c.postings, 0) + coalesce(d.d, 0) as bigint) as postings
    from mat_skill_cooccurrence c
    full join inc_pair_delta d on c.skill_a = d.skill_a and c.skill_b = d.skill_b
),
counts as (
    select skill_id, count(*) as n from mat_job_skills group by skill_id
)
select
    p.skill_a,
    p.skill_b,
    p.postings,
    p.postings / (ca.n + cb.n - p.postings) as jaccard
from pairs p
join counts ca on ca.skill_id = p.skill_a
join counts cb on cb.skill_id = p.skill_b
where p.postings > 0;

delete from mat_skill_cooccurrence;
insert into mat_skill_cooccurrence select * from inc_cooccurrence;

delete from mat_posting_state where posting_id in (select posting_id from inc_changed);
insert into mat_posting_state
select * from inc_fp where posting_id in (select posting_id from inc_changed);

drop table temp.inc_fp;
drop table temp.inc_changed;
drop table temp.inc_jobs;
drop table temp.inc_skill_jobs;
drop table temp.inc_postings;
drop table temp.inc_posting_skills;
drop table temp.inc_pair_delta;
drop table temp.inc_cooccurrence;
drop table temp.inc_mat_posting_facts;
drop table temp.inc_mat_job_skills;
drop table temp.inc_mat_posting_families;
drop table temp.tmp_posting_jobs;
drop table temp.tmp_job_skills;
drop table temp.tmp_job_families;
drop table temp.tmp_skill_ids
"""


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
    taxonomy = con.sql(
        "select count(*), coalesce(bit_xor(hash(skill_id, family)), 0) from skills"
    ).fetchall()[0]
    digest.update(repr(taxonomy).encode())
    return digest.hexdigest()


def can_update(con: duckdb.DuckDBPyConnection, sql_hash: str) -> bool:
    """Whether the kept bases and state were built by the same SQL and taxonomy."""
    present = {
        row[0]
        for row in con.sql(
            "select table_name from duckdb_tables() where not temporary "
            "and table_name in (" + ", ".join(f"'{t}'" for t in _MAT_TABLES) + ")"
        ).fetchall()
    }
    if present != set(_MAT_TABLES):
        return False
    rows = con.sql("select sql_hash from mat_views_state").fetchall()
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

    con.execute(_FINGERPRINTS)
    lap("fingerprints")
    con.execute(_AFFECTED)
    jobs, skill_jobs = con.sql(
        "select (select count(*) from inc_jobs), (select count(*) from inc_skill_jobs)"
    ).fetchall()[0]
    lap(f"affected ({jobs} jobs, {skill_jobs} for skills)")
    for stem in HEAVY_FILES:
        con.execute(_subset_sql(files[stem].read_text(encoding="utf-8")))
        lap(stem)
    con.execute(_APPLY)
    lap("apply")
    return {"jobs": jobs, "skill_jobs": skill_jobs}


def record_state(con: duckdb.DuckDBPyConnection, sql_hash: str) -> None:
    """After a full build of the bases: the fingerprints they were built from."""
    con.execute(_FINGERPRINTS)
    con.execute("create or replace table mat_posting_state as select * from inc_fp")
    con.execute("drop table temp.inc_fp")
    con.execute("create or replace table mat_views_state (sql_hash varchar)")
    con.execute("insert into mat_views_state values (?)", [sql_hash])
