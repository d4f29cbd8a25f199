-- The demo's closing summary: one row over canonical jobs (posting_facts view).
select
    count(*)                                   as postings,
    count(distinct company)                    as companies,
    coalesce(avg((pay_usd is not null)::int), 0) as share_with_pay,
    median(pay_usd)                            as median_annual_usd
from posting_facts
