-- Co-occurrence: take the affected jobs' old pairs out and their new pairs in.
create or replace temp table inc_pair_delta as
with old as (
    select canonical_posting_id, skill_id from mat_job_skills
    where canonical_posting_id in (select job from inc_skill_jobs)
),
new as (
    select canonical_posting_id, skill_id from inc_mat_job_skills
    where canonical_posting_id in (select job from inc_skill_jobs)
),
d as (
    select a.skill_id as skill_a, b.skill_id as skill_b, -count(*) as d
    from old a join old b on a.canonical_posting_id = b.canonical_posting_id
        and a.skill_id < b.skill_id
    group by all
    union all
    select a.skill_id, b.skill_id, count(*)
    from new a join new b on a.canonical_posting_id = b.canonical_posting_id
        and a.skill_id < b.skill_id
    group by all
)
select skill_a, skill_b, sum(d) as d from d group by all;

update mat_posting_facts f
set last_seen = l.last_seen,
    closed_at = l.closed_at,
    days_open = date_diff('day', f.first_seen, coalesce(l.closed_at, l.last_seen))
from inc_life l
where f.canonical_posting_id = l.job;

delete from mat_posting_facts where canonical_posting_id in (select job from inc_jobs);
insert into mat_posting_facts select * from inc_mat_posting_facts;

delete from mat_job_skills where canonical_posting_id in (select job from inc_skill_jobs);
insert into mat_job_skills
select * from inc_mat_job_skills where canonical_posting_id in (select job from inc_skill_jobs);

delete from mat_posting_families
where canonical_posting_id in (select job from inc_skill_jobs);
insert into mat_posting_families
select * from inc_mat_posting_families
where canonical_posting_id in (select job from inc_skill_jobs);

create or replace temp table inc_cooccurrence as
with pairs as (
    select
        coalesce(c.skill_a, d.skill_a) as skill_a,
        coalesce(c.skill_b, d.skill_b) as skill_b,
        cast(coalesce(c.postings, 0) + coalesce(d.d, 0) as bigint) as postings
    from mat_skill_cooccurrence c
    full join inc_pair_delta d on c.skill_a = d.skill_a and c.skill_b = d.skill_b
),
counts as (
    select skill_id, count(*) as n from mat_job_skills group by skill_id
)
select
    p.skill_a,
    p.skill_b,
    p.postings,
    p.postings / (ca.n + cb.n - p.postings) as jaccard
from pairs p
join counts ca on ca.skill_id = p.skill_a
join counts cb on cb.skill_id = p.skill_b
where p.postings > 0;

delete from mat_skill_cooccurrence;
insert into mat_skill_cooccurrence select * from inc_cooccurrence;

-- The postings that stay take their new fingerprints in place: a delete and insert of the
-- quarter of the postings whose history's end moves each day left as many deleted rows in
-- the table every day (a refresh's checkpoint does not vacuum, warehouse/store.py).
update mat_posting_state s
set canonical_posting_id = n.canonical_posting_id, fp = n.fp, fp_skills = n.fp_skills
from (
    select f.* from inc_fp f
    where f.posting_id in (select posting_id from inc_changed where not added)
) n
where s.posting_id = n.posting_id;
delete from mat_posting_state where posting_id in (select posting_id from inc_changed where gone);
insert into mat_posting_state
select * from inc_fp where posting_id in (select posting_id from inc_changed where added);

drop table temp.inc_fp;
drop table temp.inc_changed;
drop table temp.inc_jobs;
drop table temp.inc_life;
drop table temp.inc_skill_jobs;
drop table temp.inc_postings;
drop table temp.inc_posting_skills;
drop table temp.inc_pair_delta;
drop table temp.inc_cooccurrence;
drop table temp.inc_mat_posting_facts;
drop table temp.inc_mat_job_skills;
drop table temp.inc_mat_posting_families;
drop table temp.tmp_posting_jobs;
drop table temp.tmp_job_skills;
drop table temp.tmp_job_families;
drop table temp.tmp_skill_ids
