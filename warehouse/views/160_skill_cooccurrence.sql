-- Pairs of skills asked for by the same canonical job (skill_a < skill_b).
-- Materialized (mat_skill_cooccurrence): the self-join is the costliest query here.
create or replace table mat_skill_cooccurrence as
with counts as (
    select skill_id, count(*) as n from mat_job_skills group by skill_id
),
pairs as (
    select a.skill_id as skill_a, b.skill_id as skill_b, count(*) as postings
    from mat_job_skills a
    join mat_job_skills b
      on a.canonical_posting_id = b.canonical_posting_id and a.skill_id < b.skill_id
    group by a.skill_id, b.skill_id
)
select
    p.skill_a,
    p.skill_b,
    p.postings,
    p.postings / (ca.n + cb.n - p.postings) as jaccard
from pairs p
join counts ca on ca.skill_id = p.skill_a
join counts cb on cb.skill_id = p.skill_b;

create or replace view skill_cooccurrence as
select skill_a, skill_b, postings, jaccard from mat_skill_cooccurrence
