-- Helpers: one row per (canonical job, skill) — the union over the job's duplicates —
-- with the skill's family and the job's role, demand week and pay, materialized so the
-- skill views aggregate one table instead of joining millions of rows.
create or replace table mat_job_skills as
select distinct
    p.canonical_posting_id,
    s.skill_id,
    k.family,
    f.role,
    cast(date_trunc('week', f.demand_date) as date) as week,
    f.pay_usd
from posting_skills s
join postings p using (posting_id)
join mat_posting_facts f on f.canonical_posting_id = p.canonical_posting_id
left join skills k using (skill_id);

create or replace view job_skills as
select canonical_posting_id, skill_id, family, role, week, pay_usd from mat_job_skills;

create or replace view canonical_skills as
select canonical_posting_id, skill_id from mat_job_skills
