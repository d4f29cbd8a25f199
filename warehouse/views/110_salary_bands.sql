-- Percentiles of pay_usd (annual USD) by one dimension at a time, per role and for all
-- roles. `n` is the sample size: read bands with small n with care.
create or replace view salary_bands as
with paid as (
    select role, seniority, world_region, remote, pay_usd
    from posting_facts
    where pay_usd is not null
),
roles as (
    select * from paid
    union all
    select 'all' as role, seniority, world_region, remote, pay_usd from paid
),
dims as (
    select 'all' as dimension, 'all' as value, role, pay_usd from roles
    union all
    select 'seniority', coalesce(seniority, 'unknown'), role, pay_usd from roles
    union all
    select 'world_region', coalesce(world_region, 'unknown'), role, pay_usd from roles
    union all
    select 'remote', coalesce(remote, 'unknown'), role, pay_usd from roles
),
q as (
    select
        dimension, value, role,
        count(*) as n,
        quantile_cont(pay_usd, [0.1, 0.25, 0.5, 0.75, 0.9]) as p
    from dims
    group by dimension, value, role
)
select dimension, value, role, n, p[1] as p10, p[2] as p25, p[3] as p50, p[4] as p75, p[5] as p90
from q
