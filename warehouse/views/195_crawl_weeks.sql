-- The weeks the crawls covered (Monday of the crawl date's week): how many crawl days and
-- runs each holds. Only completed crawl runs are in crawl_runs (a landing file without its
-- stats file is not loaded), so a week listed here was observed.
create or replace view crawl_weeks as
select
    cast(date_trunc('week', crawl_date) as date) as week,
    count(distinct crawl_date) as crawl_days,
    count(*) as crawl_runs,
    min(crawl_date) as first_crawl,
    max(crawl_date) as last_crawl
from crawl_runs
group by 1
