-- With state kept, only what the change record (migration 016) names can have moved:
-- what the matching reads of a posting (company, source, title, place, period start)
-- changes only when it is loaded again (`extract`) or its first sighting moves
-- (`first_seen`); whether a posting is a candidate at all changes only with a posting of
-- its company (a second source makes every posting of the company one) or an archive
-- link partner; a kept pair's gap moves only with its postings' dates (`lifecycle` too).
-- At a million postings, comparing every candidate with its kept hash cost 0.2 s a day.
create or replace temp table dedupe_scope_ids as
with moved as (
    select posting_id from posting_changes where changed_by in ('extract', 'first_seen')
)
select posting_id from moved
union
select live_id from dedupe_links where archive_id in (select posting_id from moved)
union
select archive_id from dedupe_links where live_id in (select posting_id from moved);

-- The companies of those postings (now and as kept) whose candidacy moved: a company seen
-- on a second source makes every one of its postings a candidate, one left with a single
-- source none of them. Every posting of such a company is compared; in any other company
-- only the postings above can have moved (comparing every posting of every company a
-- posting was loaded in read half the candidates after a day of every board).
create or replace temp table dedupe_scope_keys as
with touched as (
    select coalesce(company_key, '') as company_key
    from postings
    where posting_id in (select posting_id from dedupe_scope_ids)
    union
    select company_key
    from dedupe_postings
    where posting_id in (select posting_id from dedupe_scope_ids)
),
kept as (
    select distinct company_key
    from dedupe_postings
    where company_key in (select company_key from touched)
)
select company_key
from touched
where (company_key in (select company_key from dedupe_keys))
    <> (company_key in (select company_key from kept));

create or replace temp view dedupe_scope_rows as
select * from dedupe_rows
where company_key in (select company_key from dedupe_scope_keys)
   or posting_id in (select posting_id from dedupe_scope_ids);
create or replace temp view dedupe_scope_kept as
select * from dedupe_postings
where company_key in (select company_key from dedupe_scope_keys)
   or posting_id in (select posting_id from dedupe_scope_ids);
create or replace temp view dedupe_scope_pairs as
select * from dedupe_pairs
where posting_a in (select posting_id from posting_changes where changed_by <> 'dedupe')
   or posting_b in (select posting_id from posting_changes where changed_by <> 'dedupe')
