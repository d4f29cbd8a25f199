-- The dedupe candidates: postings of companies seen on more than one source (the only
-- ones that can have a cross-source duplicate; blocking on the normalised company key
-- keeps the fuzzy matching small however many postings there are), and both sides of
-- every archive link, with what the matching reads of them. Only the small sets (the
-- company keys, the links) are tables; `dedupe_rows` is a view, so the statements that
-- read it stream over postings instead of copying a million rows first.
create or replace temp table dedupe_keys as
select company_key
from postings
where company_key is not null
group by company_key
having count(distinct source) > 1;

-- An archive posting `archive:<ats>:<id>` (source_id `<ats>:<id>`) and the live posting
-- `<ats>:<id>` are one job whatever their company spelling or dates: both are always
-- candidates.
create or replace temp table dedupe_links as
select a.posting_id as archive_id, l.posting_id as live_id
from postings a
join postings l on l.posting_id = a.source_id
where a.source = 'archive';

-- The seen period [coalesce(posted_at, first_seen), coalesce(closed_at, last_seen,
-- posted_at)] in days since 1970, as the matching reads it: an unknown end is the start
-- and the reverse, both unknown 0.
create or replace temp view dedupe_rows as
with periods as (
    select
        p.posting_id,
        p.source,
        coalesce(p.company_key, '') as company_key,
        coalesce(p.title, '') as title,
        coalesce(lower(p.country), '') as country,
        coalesce(lower(p.city), '') as city,
        date_diff('day', date '1970-01-01', coalesce(cast(p.posted_at as date), p.first_seen))
            as start_day,
        date_diff(
            'day', date '1970-01-01', coalesce(p.closed_at, p.last_seen, cast(p.posted_at as date))
        ) as end_day
    from postings p
    where p.company_key in (select company_key from dedupe_keys)
       or p.posting_id in (select archive_id from dedupe_links)
       or p.posting_id in (select live_id from dedupe_links)
)
select
    * replace (
        coalesce(start_day, end_day, 0) as start_day,
        coalesce(end_day, start_day, 0) as end_day
    )
from periods
