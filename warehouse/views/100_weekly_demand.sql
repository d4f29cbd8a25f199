-- new_postings: canonical jobs whose demand week is this week.
-- active_postings: canonical jobs open at some point in the week, from their demand
-- week to the week before they closed (open ones: up to the last crawl date).
-- Computed as +1/-1 events and a running sum, so it costs two rows per job.
create or replace view weekly_demand as
with data_end as (
    select max(last_seen) as last_day from postings
),
jobs as (
    select
        role,
        source,
        cast(date_trunc('week', demand_date) as date) as first_week,
        cast(date_trunc('week', coalesce(
            closed_at - 1, (select last_day from data_end), demand_date
        )) as date) as last_week
    from posting_facts
),
events as (
    select role, source, first_week as week, 1 as new_n, 1 as delta from jobs
    union all
    select role, source, cast(greatest(last_week, first_week) + 7 as date), 0, -1 from jobs
),
per_week as (
    select role, source, week, sum(new_n) as new_n, sum(delta) as delta
    from events
    group by role, source, week
),
weeks as (
    select cast(unnest(generate_series(min(week), max(week), interval 7 day)) as date) as week
    from per_week
),
grid as (
    select w.week, k.role, k.source
    from weeks w
    cross join (select distinct role, source from per_week) k
),
running as (
    select
        g.week,
        g.role,
        g.source,
        coalesce(p.new_n, 0) as new_postings,
        sum(coalesce(p.delta, 0)) over (
            partition by g.role, g.source order by g.week
        ) as active_postings
    from grid g
    left join per_week p using (week, role, source)
)
select week, role, source, cast(new_postings as bigint) as new_postings,
       cast(active_postings as bigint) as active_postings
from running
where new_postings > 0 or active_postings > 0
