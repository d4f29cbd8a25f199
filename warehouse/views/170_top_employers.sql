-- Canonical jobs per employer (companies grouped by the normalised company key).
create or replace view top_employers as
with per_company as (
    select
        coalesce(f.company_key, f.company) as company_key,
        any_value(f.company) as any_spelling,
        count(*) as postings,
        count(*) filter (where f.role = 'core') as core_postings,
        count(*) filter (where f.role = 'adjacent') as adjacent_postings,
        median(f.pay_usd) as median_pay_usd
    from mat_posting_facts f
    group by coalesce(f.company_key, f.company)
)
select
    coalesce(c.name, p.any_spelling) as company,
    p.postings,
    p.core_postings,
    p.adjacent_postings,
    p.median_pay_usd
from per_company p
left join companies c using (company_key)
