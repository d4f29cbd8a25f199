-- How the jobs involve AI (postings.ai_involvement: builds / uses / mentions / none,
-- transforms/role.py), per demand week: the counts behind the report's "share of postings
-- by AI involvement over time". Jobs extracted before the field existed (null) are left
-- out; n_week is the week's jobs with a known involvement.
create or replace view ai_involvement_weekly as
with known as (
    select cast(date_trunc('week', demand_date) as date) as week, ai_involvement
    from posting_facts
    where demand_date is not null and ai_involvement is not null
)
select
    week,
    ai_involvement,
    count(*) as n,
    sum(count(*)) over (partition by week) as n_week
from known
group by week, ai_involvement
