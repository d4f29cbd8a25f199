-- Postings, open postings, and the share of postings with annualised USD pay.
select
    count(*) as postings,
    count(*) filter (where closed_at is null) as open_postings,
    count(*) filter (where closed_at is not null) as closed_postings,
    coalesce(avg(case when coalesce(salary_min_annual_usd, salary_max_annual_usd) is not null
        then 1.0 else 0.0 end), 0.0) as salary_coverage
from postings
