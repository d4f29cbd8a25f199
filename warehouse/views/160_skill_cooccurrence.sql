-- Pairs of skills asked for by the same canonical job (skill_a < skill_b).
-- Materialized (mat_skill_cooccurrence): the self-join is the costliest query here, so
-- it joins the integer pairs of 010_posting_facts.sql (sid order is skill_id order).
create or replace table mat_skill_cooccurrence as
with counts as (
    select skill_id, count(*) as n from mat_job_skills group by skill_id
),
pairs as (
    select a.sid as sid_a, b.sid as sid_b, count(*) as postings
    from tmp_job_skills a
    join tmp_job_skills b on a.job = b.job and a.sid < b.sid
    group by a.sid, b.sid
)
select
    ka.skill_id as skill_a,
    kb.skill_id as skill_b,
    p.postings,
    p.postings / (ca.n + cb.n - p.postings) as jaccard
from pairs p
join tmp_skill_ids ka on ka.sid = p.sid_a
join tmp_skill_ids kb on kb.sid = p.sid_b
join counts ca on ca.skill_id = ka.skill_id
join counts cb on cb.skill_id = kb.skill_id;

-- The refresh-time helpers of 010_posting_facts.sql are not needed after this.
drop table temp.tmp_posting_jobs;
drop table temp.tmp_job_skills;
drop table temp.tmp_job_families;
drop table temp.tmp_skill_ids;

create or replace view skill_cooccurrence as
select skill_a, skill_b, postings, jaccard from mat_skill_cooccurrence
