-- Per source: postings, open and closed ones, and the share stating pay (UI preview).
select
    source,
    count(*) as postings,
    count(*) filter (where closed_at is null) as open,
    count(*) filter (where closed_at is not null) as closed,
    round(avg(case when coalesce(salary_min_annual_usd, salary_max_annual_usd) is not null
        then 1.0 else 0.0 end), 3) as share_with_pay
from postings
group by source
order by postings desc, source
