-- One row per canonical job. Attributes come from the canonical posting; the history
-- spans all its duplicates (open while any of them is open); pay is the canonical
-- posting's own, else the first duplicate (by posting_id) that states pay.
-- Heavy bases are materialized at refresh time (`mat_*` tables, rebuilt by every
-- create_views) and the views read them: at a million postings recomputing them in
-- every query cost seconds per view.
--
-- The (job, skill) pairs behind skill_count, mat_job_skills, mat_posting_families and
-- mat_skill_cooccurrence are built once, below, with integer keys, in connection-local
-- temp tables (tmp_*, dropped by 160_skill_cooccurrence.sql; no view reads them): a job
-- is numbered by its canonical posting's rowid, read once into tmp_posting_jobs (a rowid
-- can change at a checkpoint, so later statements join that table, not postings.rowid),
-- a skill by tmp_skill_ids. Joining and deduplicating millions of string pairs once per
-- base was most of the refresh's view time.
--
-- The table is declared before the helpers are built so that they belong to its
-- statement: pipelines/assets/warehouse.py reads a statement's lineage from its text up
-- to the next `create [or replace] table|view` (a `create temp table` does not count).
create or replace table mat_posting_facts (
    posting_id varchar,
    canonical_posting_id varchar,
    source varchar,
    company varchar,
    title varchar,
    role varchar,
    posted_at timestamp,
    demand_date date,
    seniority varchar,
    remote varchar,
    ai_involvement varchar,
    language varchar,
    country varchar,
    us_state varchar,
    world_region varchar,
    first_seen date,
    last_seen date,
    closed_at date,
    days_open bigint,
    salary_min_annual_usd double,
    salary_max_annual_usd double,
    pay_usd double,
    years_min double,
    years_max double,
    skill_count bigint,
    family_count bigint,
    company_key varchar  -- not in the view: top_employers groups by it
);

-- Every skill id the postings ask for (in the taxonomy or not: then family is null),
-- numbered in skill_id order, so that sid order is skill_id order (the co-occurrence
-- pairs are skill_a < skill_b); families numbered too.
create or replace temp table tmp_skill_ids as
select
    s.skill_id,
    k.family,
    cast(row_number() over (order by s.skill_id) as integer) as sid,
    cast(case when k.family is not null then dense_rank() over (order by k.family) end as integer)
        as fid
from (select distinct skill_id from posting_skills where boilerplate is not true) s
left join skills k using (skill_id);

-- Each posting's job: the rowid of its canonical posting, read once, here. `shared`: the
-- job has duplicates (its canonical posting is the canonical posting of others too).
create or replace temp table tmp_posting_jobs as
with shared as (
    select canonical_posting_id from postings where posting_id <> canonical_posting_id
)
select posting_id, rowid as job, false as shared
from postings
where posting_id = canonical_posting_id and posting_id not in (select * from shared)
union all
select p.posting_id, c.rowid, true
from postings p
join postings c on c.posting_id = p.canonical_posting_id
where p.canonical_posting_id in (select * from shared);

-- One row per (job, skill): skills of a job = the union over its duplicates. Only a job
-- with duplicates can list a skill twice (a posting lists each of its skills once: the
-- loads keep (posting_id, skill_id) unique), so only those pairs are deduplicated; the
-- others keep posting_skills' order, i.e. stay grouped by job, which the tables built
-- from them compress faster. A skill named only in its employer's boilerplate sentences
-- (posting_skills.boilerplate, warehouse/boilerplate.py) is not the job's: left out.
create or replace temp table tmp_job_skills as
with pairs as materialized (
    select j.job, k.sid, k.fid, j.shared
    from posting_skills s
    join tmp_posting_jobs j using (posting_id)
    join tmp_skill_ids k using (skill_id)
    where s.boilerplate is not true
)
select job, sid, fid from pairs where not shared
union all
select distinct job, sid, fid from pairs where shared;

-- One row per (job, skill family).
create or replace temp table tmp_job_families as
select distinct job, fid from tmp_job_skills where fid is not null;

insert into mat_posting_facts
with duplicated as (
    -- The history and pay of the jobs that have duplicates. A job without duplicates is
    -- its canonical posting's own, so only these few postings are aggregated.
    select
        canonical_posting_id,
        struct_pack(
            first_seen := min(first_seen),
            last_seen := max(last_seen),
            closed_at := case when bool_or(closed_at is null) then null else max(closed_at) end,
            pay := arg_min(
                struct_pack(lo := salary_min_annual_usd, hi := salary_max_annual_usd),
                (posting_id <> canonical_posting_id, posting_id)
            ) filter (where coalesce(salary_min_annual_usd, salary_max_annual_usd) is not null)
        ) as m
    from postings
    where canonical_posting_id in (
        select canonical_posting_id from postings where posting_id <> canonical_posting_id
    )
    group by canonical_posting_id
),
jobs as (
    -- m: the job's history and pay, its canonical posting's own when it has no duplicates.
    select
        c.*,
        pj.job,
        coalesce(d.m, struct_pack(
            first_seen := c.first_seen,
            last_seen := c.last_seen,
            closed_at := c.closed_at,
            pay := struct_pack(lo := c.salary_min_annual_usd, hi := c.salary_max_annual_usd)
        )) as m
    from postings c
    join tmp_posting_jobs pj on pj.posting_id = c.posting_id
    left join duplicated d on d.canonical_posting_id = c.posting_id
    where c.posting_id = c.canonical_posting_id or d.canonical_posting_id is not null
),
skill_counts as (
    select job, count(*) as skill_count from tmp_job_skills group by job
),
family_counts as (
    select job, count(*) as family_count from tmp_job_families group by job
)
select
    j.posting_id,
    j.canonical_posting_id,
    j.source,
    j.company,
    j.title,
    j.role,
    j.posted_at,
    coalesce(cast(j.posted_at as date), j.m.first_seen) as demand_date,
    j.seniority,
    j.remote,
    j.ai_involvement,
    j.language,
    j.country,
    j.us_state,
    j.world_region,
    j.m.first_seen,
    j.m.last_seen,
    j.m.closed_at,
    date_diff('day', j.m.first_seen, coalesce(j.m.closed_at, j.m.last_seen)) as days_open,
    j.m.pay.lo as salary_min_annual_usd,
    j.m.pay.hi as salary_max_annual_usd,
    case
        when j.m.pay.lo is not null and j.m.pay.hi is not null then (j.m.pay.lo + j.m.pay.hi) / 2
        else coalesce(j.m.pay.lo, j.m.pay.hi)
    end as pay_usd,
    j.years_min,
    j.years_max,
    coalesce(sc.skill_count, 0) as skill_count,
    coalesce(fc.family_count, 0) as family_count,
    j.company_key
from jobs j
left join skill_counts sc using (job)
left join family_counts fc using (job);

create or replace view posting_facts as
select
    posting_id, canonical_posting_id, source, company, title, role, posted_at, demand_date,
    seniority, remote, ai_involvement, language, country, us_state, world_region, first_seen, last_seen, closed_at,
    days_open, salary_min_annual_usd, salary_max_annual_usd, pay_usd, years_min, years_max,
    skill_count, family_count
from mat_posting_facts
