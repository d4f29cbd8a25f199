-- Canonical jobs asking for each skill per demand week; share = of that week's jobs.
create or replace view skill_trends as
with jobs as (
    select
        posting_id as canonical_posting_id,
        cast(date_trunc('week', coalesce(cast(posted_at as date), first_seen)) as date) as week
    from postings
    where posting_id = canonical_posting_id
      and coalesce(cast(posted_at as date), first_seen) is not null
),
totals as (
    select week, count(*) as n from jobs group by week
),
counts as (
    select j.week, cs.skill_id, count(*) as postings
    from canonical_skills cs
    join jobs j using (canonical_posting_id)
    group by j.week, cs.skill_id
)
select
    c.week,
    c.skill_id,
    coalesce(k.name, c.skill_id) as skill_name,
    c.postings,
    c.postings / t.n as share
from counts c
join totals t using (week)
left join skills k using (skill_id)
