-- Canonical jobs asking for each skill per demand week; share = of that week's jobs.
create or replace view skill_trends as
with totals as (
    select cast(date_trunc('week', demand_date) as date) as week, count(*) as n
    from posting_facts
    where demand_date is not null
    group by 1
),
counts as (
    select week, skill_id, count(*) as postings
    from job_skills
    where week is not null
    group by week, skill_id
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
