-- Canonical jobs per employer (companies grouped by the normalised company key).
create or replace view top_employers as
select
    coalesce(any_value(c.name), any_value(f.company)) as company,
    count(*) as postings,
    count(*) filter (where f.role = 'core') as core_postings,
    count(*) filter (where f.role = 'adjacent') as adjacent_postings,
    median(f.pay_usd) as median_pay_usd
from posting_facts f
join postings p using (posting_id)
left join companies c on c.company_key = p.company_key
group by coalesce(p.company_key, f.company)
