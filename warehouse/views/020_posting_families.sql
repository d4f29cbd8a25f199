-- One row per (canonical job, skill family). Materialized (mat_posting_families).
create or replace table mat_posting_families as
select distinct canonical_posting_id, role, family
from mat_job_skills
where family is not null;

create or replace view posting_families as
select canonical_posting_id, role, family from mat_posting_families
