-- How many jobs with pay have a range overlapping $175k-$300k (annual USD), per demand
-- week. An open range counts as its one stated side. overlap + above + below = n_with_pay.
create or replace view band_175k_300k as
with paid as (
    select
        cast(date_trunc('week', demand_date) as date) as week,
        role,
        coalesce(salary_min_annual_usd, salary_max_annual_usd) as lo,
        coalesce(salary_max_annual_usd, salary_min_annual_usd) as hi
    from posting_facts
    where pay_usd is not null
),
roles as (
    select * from paid
    union all
    select week, 'all' as role, lo, hi from paid
)
select
    week,
    role,
    count(*) as n_with_pay,
    count(*) filter (where lo <= 300000 and hi >= 175000) as n_overlap,
    count(*) filter (where lo <= 300000 and hi >= 175000) / count(*) as share_overlap,
    count(*) filter (where lo >= 175000 and hi <= 300000) as n_inside,
    count(*) filter (where lo > 300000) as n_above,
    count(*) filter (where hi < 175000) as n_below
from roles
group by week, role
