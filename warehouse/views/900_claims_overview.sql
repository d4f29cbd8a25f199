-- Market-claims page: sample sizes and date range per role (core, adjacent, other, all).
create or replace view claims_overview as
-- n_builds / n_uses / n_mentions: how the role's postings involve AI (ai_involvement):
-- building AI systems is not mentioning AI.
with roles as (
    select role, company, demand_date, pay_usd, ai_involvement from posting_facts
    union all
    select 'all', company, demand_date, pay_usd, ai_involvement from posting_facts
)
select
    role,
    count(*) as postings,
    count(distinct company) as companies,
    min(demand_date)::date as first_date,
    max(demand_date)::date as last_date,
    count(pay_usd) as n_with_pay,
    median(pay_usd) as median_pay_usd,
    count(*) filter (where ai_involvement = 'builds') as n_builds,
    count(*) filter (where ai_involvement = 'uses') as n_uses,
    count(*) filter (where ai_involvement = 'mentions') as n_mentions
from roles
group by role
