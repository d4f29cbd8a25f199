-- The postings the pay claim (claim 1, "US pay of $175k-$300k") is judged on: core and
-- adjacent jobs with stated pay, once per scope: 'all' = everywhere, 'US' = located in the
-- US (country US or a US state). A range is [lo, hi]; an open side takes the other side's
-- value. claims_pay and claims_pay_monthly both read this view, so the rules live once.
create or replace view claims_paid_postings as
with paid as (
    select
        role,
        coalesce(seniority, 'unspecified') as seniority,
        date_trunc('month', demand_date)::date as month,
        (upper(coalesce(country, '')) in ('US', 'USA', 'UNITED STATES') or us_state is not null)
            as is_us,
        coalesce(salary_min_annual_usd, salary_max_annual_usd) as lo,
        coalesce(salary_max_annual_usd, salary_min_annual_usd) as hi,
        pay_usd
    from posting_facts
    where pay_usd is not null and role in ('core', 'adjacent')
)
select 'all' as scope, * from paid
union all
select 'US' as scope, * from paid where is_us
