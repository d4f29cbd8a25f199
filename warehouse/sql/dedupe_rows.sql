-- The dedupe candidates: postings of companies seen on more than one source (the only
-- ones that can have a cross-source duplicate; blocking on the normalised company key
-- keeps the fuzzy matching small however many postings there are), and both sides of
-- every archive link. `start_day`/`end_day`: the seen period in days since 1970 as the
-- matching reads it (an unknown end is the start and the reverse; both unknown: 0).
create or replace temp table dedupe_rows as
with blocks as (
    select company_key
    from postings
    where company_key is not null
    group by company_key
    having count(distinct source) > 1
),
-- An archive posting `archive:<ats>:<id>` (source_id `<ats>:<id>`) and the live posting
-- `<ats>:<id>` are one job whatever their company spelling or dates: both are always
-- candidates.
links as (
    select a.posting_id as archive_id, l.posting_id as live_id
    from postings a
    join postings l on l.posting_id = a.source_id
    where a.source = 'archive'
),
linked as (
    select archive_id as posting_id from links
    union
    select live_id from links
),
candidates as (
    select
        p.posting_id,
        p.source,
        p.source_id,
        coalesce(p.company_key, '') as company_key,
        coalesce(p.title, '') as title,
        coalesce(lower(p.country), '') as country,
        coalesce(lower(p.city), '') as city,
        coalesce(cast(p.posted_at as date), p.first_seen) as period_start,
        coalesce(p.closed_at, p.last_seen, cast(p.posted_at as date)) as period_end
    from postings p
    where p.company_key in (select company_key from blocks)
       or p.posting_id in (select posting_id from linked)
)
select
    *,
    coalesce(
        date_diff('day', date '1970-01-01', period_start),
        date_diff('day', date '1970-01-01', period_end),
        0
    ) as start_day,
    coalesce(
        date_diff('day', date '1970-01-01', period_end),
        date_diff('day', date '1970-01-01', period_start),
        0
    ) as end_day
from candidates
