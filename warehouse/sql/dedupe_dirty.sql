-- $1: the matching's window in days (WINDOW_DAYS).
-- The blocks with a kept pair whose gap moved while within the window before or after
-- (its order, or whether it is a match, may change). Of the pairs in scope
-- (dedupe_scope_*.sql).
create or replace temp table dedupe_gap_dirty as
with paired as (
    -- the seen periods of the kept pairs' postings, read in one pass
    select posting_id, start_day, end_day
    from dedupe_rows
    where posting_id in (select posting_a from dedupe_scope_pairs union select posting_b from dedupe_scope_pairs)
),
gaps as (
    select
        pr.company_key,
        pr.gap as kept,
        greatest(a.start_day - b.end_day, b.start_day - a.end_day, 0) as now
    from dedupe_scope_pairs pr
    join paired a on a.posting_id = pr.posting_a
    join paired b on b.posting_id = pr.posting_b
)
select distinct company_key from gaps where now <> kept and least(now, kept) <= $1
