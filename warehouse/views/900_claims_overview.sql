-- Market-claims page: sample sizes and date range per role (core, adjacent, other, all).
create or replace view claims_overview as
with roles as (
    select role, company, demand_date, pay_usd from posting_facts
    union all
    select 'all', company, demand_date, pay_usd from posting_facts
)
select
    role,
    count(*) as postings,
    count(distinct company) as companies,
    min(demand_date)::date as first_date,
    max(demand_date)::date as last_date,
    count(pay_usd) as n_with_pay,
    median(pay_usd) as median_pay_usd
from roles
group by role
