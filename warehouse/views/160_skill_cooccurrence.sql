-- Pairs of skills asked for by the same canonical job (skill_a < skill_b).
create or replace view skill_cooccurrence as
with counts as (
    select skill_id, count(*) as n from canonical_skills group by skill_id
),
pairs as (
    select a.skill_id as skill_a, b.skill_id as skill_b, count(*) as postings
    from canonical_skills a
    join canonical_skills b
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
join counts cb on cb.skill_id = p.skill_b
