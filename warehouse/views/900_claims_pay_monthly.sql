-- Claim 1 over time: per demand month, the share of paid postings whose range overlaps the
-- $175k-$300k band (same range rules as claims_pay), everywhere and in the US.
create or replace view claims_pay_monthly as
with paid as (
    select
        date_trunc('month', demand_date)::date as month,
        role,
        (upper(coalesce(country, '')) in ('US', 'USA', 'UNITED STATES') or us_state is not null)
            as is_us,
        coalesce(salary_min_annual_usd, salary_max_annual_usd) as lo,
        coalesce(salary_max_annual_usd, salary_min_annual_usd) as hi,
        pay_usd
    from posting_facts
    where pay_usd is not null and role in ('core', 'adjacent')
),
scoped as (
    select 'all' as scope, * from paid
    union all
    select 'US' as scope, * from paid where is_us
)
select
    month,
    role,
    scope,
    count(*) as n_with_pay,
    count(*) filter (where lo <= 300000 and hi >= 175000) as n_overlap,
    count(*) filter (where lo <= 300000 and hi >= 175000) / count(*) as share_overlap,
    median(pay_usd) as median_pay_usd
from scoped
group by month, role, scope
