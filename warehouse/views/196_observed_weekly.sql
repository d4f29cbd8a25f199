-- Demand as the crawls observed it, per crawled week, role and source (role 'all' too):
-- canonical jobs first seen that week, closed that week (a complete crawl of the board no
-- longer listed them) and open at the week's last crawl (first seen by then, not closed by
-- then). The first crawled week is the baseline: its "first seen" jobs are the stock that
-- was already open when crawling began, not new demand.
create or replace view observed_weekly as
with weeks as (
    select week, last_crawl, week = min(week) over () as baseline from crawl_weeks
),
jobs as (
    select role, source, first_seen, closed_at from posting_facts
    union all
    select 'all', source, first_seen, closed_at from posting_facts
)
select
    w.week,
    j.role,
    j.source,
    w.baseline,
    count(*) filter (where cast(date_trunc('week', j.first_seen) as date) = w.week)
        as first_seen,
    count(*) filter (where cast(date_trunc('week', j.closed_at) as date) = w.week) as closed,
    count(*) filter (
        where j.first_seen <= w.last_crawl and (j.closed_at is null or j.closed_at > w.last_crawl)
    ) as open_jobs
from weeks w
cross join jobs j
group by w.week, j.role, j.source, w.baseline
