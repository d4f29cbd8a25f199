-- Canonical jobs asking for each skill, per role and for all roles; share = of all
-- canonical jobs of that role.
create or replace view skill_demand as
with totals as (
    select role, count(*) as n from posting_facts group by role
    union all
    select 'all', count(*) from posting_facts
),
counts as (
    select role, skill_id, count(*) as postings from job_skills group by role, skill_id
    union all
    select 'all', skill_id, count(*) from job_skills group by skill_id
)
select
    c.role,
    c.skill_id,
    coalesce(k.name, c.skill_id) as skill_name,
    k.category,
    k.family,
    c.postings,
    c.postings / t.n as share
from counts c
join totals t using (role)
left join skills k using (skill_id)
