-- Postings of companies seen on more than one source: the only ones that can have a
-- cross-source duplicate. Blocking on the normalised company key keeps the fuzzy
-- matching small however many postings there are.
with blocks as (
    select company_key
    from postings
    where company_key is not null
    group by company_key
    having count(distinct source) > 1
),
-- An archive posting `archive:<ats>:<id>` and the live posting `<ats>:<id>` are one job
-- whatever their company spelling or dates: both are always candidates.
archive_linked as (
    select a.posting_id
    from postings a
    join postings l on a.source = 'archive' and a.source_id = l.source || ':' || l.source_id
    union
    select l.posting_id
    from postings a
    join postings l on a.source = 'archive' and a.source_id = l.source || ':' || l.source_id
)
select
    p.posting_id,
    p.source,
    coalesce(p.company_key, '') as company_key,
    coalesce(p.title, '') as title,
    coalesce(lower(p.country), '') as country,
    coalesce(lower(p.city), '') as city,
    coalesce(cast(p.posted_at as date), p.first_seen) as period_start,
    coalesce(p.closed_at, p.last_seen, cast(p.posted_at as date)) as period_end
from postings p
where p.company_key in (select company_key from blocks)
   or p.posting_id in (select posting_id from archive_linked)
order by coalesce(p.company_key, ''), p.posting_id
