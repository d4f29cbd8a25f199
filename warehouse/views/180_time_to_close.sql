-- Days from first seen to closed, for closed canonical jobs.
create or replace view time_to_close as
select
    role,
    count(*) as n_closed,
    quantile_cont(days_open, 0.5) as median_days_open,
    quantile_cont(days_open, 0.25) as p25_days_open,
    quantile_cont(days_open, 0.75) as p75_days_open
from posting_facts
where closed_at is not null
group by role
