delete from companies;
insert into companies
with spellings as (
    select company_key, company, count(*) as n
    from postings
    where company_key is not null
    group by company_key, company
),
names as (
    -- The most common spelling; ties go to the alphabetically last, so it is stable.
    select company_key, arg_max(company, (n, company)) as name
    from spellings
    group by company_key
)
select
    p.company_key,
    any_value(names.name) as name,
    count(*) as postings,
    count(*) filter (where p.closed_at is null) as open_postings,
    list(distinct p.source order by p.source) as sources,
    min(p.first_seen) as first_seen,
    max(p.last_seen) as last_seen
from postings p
join names using (company_key)
group by p.company_key
