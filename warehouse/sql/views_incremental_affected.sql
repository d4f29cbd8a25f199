create or replace temp table inc_changed as
select
    coalesce(n.posting_id, o.posting_id) as posting_id,
    n.canonical_posting_id as new_job,
    o.canonical_posting_id as old_job,
    n.fp_skills is distinct from o.fp_skills as skills_changed,
    o.posting_id is null as added,
    n.posting_id is null as gone
from inc_fp n
full join inc_scope_state o using (posting_id)
where n.fp is distinct from o.fp;

-- The jobs rebuilt from their postings: a posting's fingerprint moved (every column the
-- bases read but its history's end, last_seen and closed_at).
create or replace temp table inc_jobs as
select new_job as job from inc_changed where new_job is not null
union
select old_job from inc_changed where old_job is not null;

-- The jobs whose postings only moved their history's end (the change record's
-- `lifecycle` rows: a posting whose canonical job moved is recorded by the dedupe too,
-- and its jobs are rebuilt): their facts row gets the new last_seen, closed_at and
-- days_open, aggregated over the job's postings as 010_posting_facts.sql does.
create or replace temp table inc_life as
with jobs as (
    select canonical_posting_id as job from postings
    where posting_id in (select posting_id from inc_history_end)
    except
    select job from inc_jobs
)
select
    canonical_posting_id as job,
    max(last_seen) as last_seen,
    case when bool_or(closed_at is null) then null else max(closed_at) end as closed_at
from postings
where canonical_posting_id in (select job from jobs)
group by canonical_posting_id;

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
