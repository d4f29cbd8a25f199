-- Postings of companies seen on more than one source: the only ones that can have a
-- cross-source duplicate. Blocking on the normalised company key keeps the fuzzy
-- matching small however many postings there are.
with blocks as (
    select company_key
    from postings
    where company_key is not null
    group by company_key
    having count(distinct source) > 1
)
select
    p.posting_id,
    p.source,
    p.company_key,
    coalesce(p.title, '') as title,
    coalesce(lower(p.country), '') as country,
    coalesce(lower(p.city), '') as city,
    coalesce(cast(p.posted_at as date), p.first_seen) as period_start,
    coalesce(p.closed_at, p.last_seen, cast(p.posted_at as date)) as period_end
from postings p
join blocks using (company_key)
order by p.company_key, p.posting_id
