-- Synthetic stand-ins for the warehouse views (docs/architecture.md §4), as TABLES.
-- Input: the registered frames sample_facts_input, sample_skills_input, sample_taxonomy_input,
-- sample_attribution_input and the variable sample_end_date. Used by tests and benchmarks only.

create or replace table posting_facts as
select
    posting_id,
    canonical_posting_id,
    source,
    company,
    title,
    role,
    case when has_posted_at then demand_date::timestamp + interval 9 hour end as posted_at,
    demand_date,
    seniority,
    remote,
    country,
    us_state,
    world_region,
    (demand_date + first_seen_lag::integer)::timestamp + interval 6 hour as first_seen,
    case
        when open_days >= 0 then (demand_date + (first_seen_lag + open_days)::integer)::timestamp
        else getvariable('sample_end_date')::timestamp
    end as last_seen,
    case when open_days >= 0 then (demand_date + (first_seen_lag + open_days)::integer)::timestamp end
        as closed_at,
    case when open_days >= 0 then open_days::double end as days_open,
    salary_min_annual_usd,
    salary_max_annual_usd,
    case
        when salary_min_annual_usd is not null and salary_max_annual_usd is not null
            then (salary_min_annual_usd + salary_max_annual_usd) / 2
        else coalesce(salary_min_annual_usd, salary_max_annual_usd)
    end as pay_usd,
    years_min::integer as years_min,
    years_max::integer as years_max,
    skill_count::integer as skill_count,
    family_count::integer as family_count
from sample_facts_input;

create or replace temp table sample_posting_skills as
select s.canonical_posting_id, s.skill_id, t.skill_name, t.category, t.family,
       f.role, f.pay_usd, date_trunc('week', f.demand_date) as week
from sample_skills_input s
join sample_taxonomy_input t using (skill_id)
join posting_facts f using (canonical_posting_id);

create or replace table posting_families as
select distinct canonical_posting_id, role, family from sample_posting_skills;

create or replace table weekly_demand as
with weeks as (
    select distinct date_trunc('week', demand_date) as week from posting_facts
),
new_postings as (
    select date_trunc('week', demand_date) as week, role, source, count(*) as new_postings
    from posting_facts group by all
),
active as (
    select w.week, f.role, f.source, count(*) as active_postings
    from weeks w join posting_facts f
      on f.first_seen < w.week + interval 7 day
     and coalesce(f.closed_at, getvariable('sample_end_date')::timestamp) >= w.week
    group by all
)
select week, role, source, coalesce(n.new_postings, 0) as new_postings,
       coalesce(a.active_postings, 0) as active_postings
from active a full join new_postings n using (week, role, source);

create or replace table salary_bands as
with paid as (
    select role, seniority, world_region, remote, pay_usd from posting_facts
    where pay_usd is not null
),
roles as (
    select role, seniority, world_region, remote, pay_usd from paid
    union all
    select 'all', seniority, world_region, remote, pay_usd from paid
),
dims as (
    select 'all' as dimension, 'all' as value, role, pay_usd from roles
    union all select 'seniority', coalesce(seniority, 'unspecified'), role, pay_usd from roles
    union all select 'world_region', world_region, role, pay_usd from roles
    union all select 'remote', coalesce(remote, 'unspecified'), role, pay_usd from roles
)
select dimension, value, role, count(*) as n,
       quantile_cont(pay_usd, 0.1) as p10, quantile_cont(pay_usd, 0.25) as p25,
       quantile_cont(pay_usd, 0.5) as p50, quantile_cont(pay_usd, 0.75) as p75,
       quantile_cont(pay_usd, 0.9) as p90
from dims group by all;

create or replace table band_175k_300k as
with paid as (
    select date_trunc('week', demand_date) as week, role,
           coalesce(salary_min_annual_usd, salary_max_annual_usd) as lo,
           coalesce(salary_max_annual_usd, salary_min_annual_usd) as hi
    from posting_facts where pay_usd is not null
),
roles as (select * from paid union all select week, 'all', lo, hi from paid)
select week, role, count(*) as n_with_pay,
       count(*) filter (where lo <= 300000 and hi >= 175000) as n_overlap,
       n_overlap / count(*) as share_overlap,
       count(*) filter (where lo >= 175000 and hi <= 300000) as n_inside,
       count(*) filter (where lo > 300000) as n_above,
       count(*) filter (where hi < 175000) as n_below
from roles group by all;

create or replace table skill_demand as
with totals as (
    select role, count(*) as total from posting_facts group by role
    union all select 'all', count(*) from posting_facts
),
counted as (
    select role, skill_id, skill_name, category, family, count(*) as postings
    from sample_posting_skills group by all
    union all
    select 'all', skill_id, skill_name, category, family, count(*)
    from sample_posting_skills group by all
)
select c.*, c.postings / t.total as share from counted c join totals t using (role);

create or replace table skill_trends as
with totals as (
    select date_trunc('week', demand_date) as week, count(*) as total
    from posting_facts group by all
)
select week, skill_id, skill_name, count(*) as postings, count(*) / any_value(t.total) as share
from sample_posting_skills join totals t using (week) group by all;

create or replace table skill_pay_premium as
with paid as (select * from posting_facts where pay_usd is not null),
with_skill as (
    select skill_id, any_value(skill_name) as skill_name, count(*) as n_with,
           median(pay_usd) as median_with, stddev_samp(pay_usd) as sd_with
    from sample_posting_skills where pay_usd is not null group by skill_id
),
without_skill as (
    select w.skill_id, count(*) as n_without, median(p.pay_usd) as median_without,
           stddev_samp(p.pay_usd) as sd_without
    from with_skill w cross join paid p
    where not exists (
        select 1 from sample_posting_skills s
        where s.canonical_posting_id = p.canonical_posting_id and s.skill_id = w.skill_id
    )
    group by w.skill_id
),
joined as (
    select w.skill_id, w.skill_name, w.n_with, o.n_without, w.median_with, o.median_without,
           w.median_with - o.median_without as uplift,
           1.96 * sqrt(
               power(1.2533 * w.sd_with, 2) / w.n_with
               + power(1.2533 * o.sd_without, 2) / o.n_without
           ) as half_ci
    from with_skill w join without_skill o using (skill_id)
)
select skill_id, skill_name, n_with, n_without, median_with, median_without, uplift,
       uplift - half_ci as ci_low, uplift + half_ci as ci_high
from joined;

create or replace table skill_cooccurrence as
with counts as (select skill_id, count(*) as n from sample_posting_skills group by skill_id),
pairs as (
    select a.skill_id as skill_a, b.skill_id as skill_b, count(*) as postings
    from sample_posting_skills a join sample_posting_skills b
      on a.canonical_posting_id = b.canonical_posting_id and a.skill_id < b.skill_id
    group by all
)
select p.skill_a, p.skill_b, p.postings, p.postings / (ca.n + cb.n - p.postings) as jaccard
from pairs p join counts ca on ca.skill_id = p.skill_a join counts cb on cb.skill_id = p.skill_b;

create or replace table top_employers as
select company, count(*) as postings,
       count(*) filter (where role = 'core') as core_postings,
       count(*) filter (where role = 'adjacent') as adjacent_postings,
       median(pay_usd) as median_pay_usd
from posting_facts group by company;

create or replace table time_to_close as
with closed as (select role, days_open from posting_facts where closed_at is not null),
roles as (select * from closed union all select 'all', days_open from closed)
select role, count(*) as n_closed, median(days_open) as median_days_open,
       quantile_cont(days_open, 0.25) as p25_days_open,
       quantile_cont(days_open, 0.75) as p75_days_open
from roles group by role;

create or replace table source_summary as
select f.source, count(*) as postings, min(f.first_seen) as first_seen,
       max(f.last_seen) as last_seen, any_value(a.attribution_url) as attribution_url
from posting_facts f left join sample_attribution_input a using (source)
group by f.source;

create or replace table state_pay as
select us_state, count(*) as postings, count(pay_usd) as n_with_pay,
       median(pay_usd) as median_pay_usd
from posting_facts where us_state is not null group by us_state;

drop table sample_posting_skills;
