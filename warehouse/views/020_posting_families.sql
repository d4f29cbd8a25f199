-- One row per (canonical job, skill family). Materialized (mat_posting_families), from
-- the integer pairs of 010_posting_facts.sql (tmp_job_families).
create or replace table mat_posting_families as
with jobs as (
    select j.job, f.canonical_posting_id, f.role
    from mat_posting_facts f
    join tmp_posting_jobs j using (posting_id)
),
families as (
    select distinct fid, family from tmp_skill_ids where fid is not null
)
select j.canonical_posting_id, j.role, k.family
from tmp_job_families s
join jobs j using (job)
join families k using (fid);

create or replace view posting_families as
select canonical_posting_id, role, family from mat_posting_families
