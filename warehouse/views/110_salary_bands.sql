-- Percentiles of pay_usd (annual USD) by one dimension at a time, per role and for all
-- roles (grouping sets: one pass over the paid jobs). `n` is the sample size: read
-- bands with small n with care. Materialized (mat_salary_bands) at refresh time.
create or replace table mat_salary_bands as
with paid as (
    select
        role,
        coalesce(seniority, 'unknown') as seniority,
        coalesce(world_region, 'unknown') as world_region,
        coalesce(remote, 'unknown') as remote,
        pay_usd
    from posting_facts
    where pay_usd is not null
),
q as (
    select
        case
            when grouping(seniority) = 0 then 'seniority'
            when grouping(world_region) = 0 then 'world_region'
            when grouping(remote) = 0 then 'remote'
            else 'all'
        end as dimension,
        coalesce(
            case when grouping(seniority) = 0 then seniority end,
            case when grouping(world_region) = 0 then world_region end,
            case when grouping(remote) = 0 then remote end,
            'all'
        ) as value,
        case when grouping(role) = 0 then role else 'all' end as role,
        count(*) as n,
        quantile_cont(pay_usd, [0.1, 0.25, 0.5, 0.75, 0.9]) as p
    from paid
    group by grouping sets (
        (role), (role, seniority), (role, world_region), (role, remote),
        (), (seniority), (world_region), (remote)
    )
    having count(*) > 0
)
select dimension, value, role, n, p[1] as p10, p[2] as p25, p[3] as p50, p[4] as p75, p[5] as p90
from q;

create or replace view salary_bands as
select dimension, value, role, n, p10, p25, p50, p75, p90 from mat_salary_bands
