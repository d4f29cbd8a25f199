-- Helpers: one row per (canonical job, skill) — the union over the job's duplicates —
-- with the skill's family and the job's role, demand week and pay, materialized so the
-- skill views aggregate one table instead of joining millions of rows.
-- Built from the integer pairs of 010_posting_facts.sql (tmp_job_skills); the job's
-- columns come from its mat_posting_facts row.
create or replace table mat_job_skills as
with jobs as (
    select
        j.job,
        f.canonical_posting_id,
        f.role,
        cast(date_trunc('week', f.demand_date) as date) as week,
        f.pay_usd
    from mat_posting_facts f
    join tmp_posting_jobs j using (posting_id)
)
select j.canonical_posting_id, k.skill_id, k.family, j.role, j.week, j.pay_usd
from tmp_job_skills s
join jobs j using (job)
join tmp_skill_ids k using (sid);

create or replace view job_skills as
select canonical_posting_id, skill_id, family, role, week, pay_usd from mat_job_skills;

create or replace view canonical_skills as
select canonical_posting_id, skill_id from mat_job_skills
