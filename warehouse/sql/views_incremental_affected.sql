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
