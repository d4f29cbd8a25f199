-- $1: the matching's window in days (WINDOW_DAYS).
-- The blocks to match again: new, gone or changed ones, and those with a matching pair
-- whose gap moved while within the window before or after (its order, or whether it is
-- a match, may change).
create or replace temp table dedupe_dirty as
select coalesce(n.company_key, o.company_key) as company_key
from dedupe_signatures n
full join dedupe_blocks o using (company_key)
where n.signature is distinct from o.signature or n.postings is distinct from o.postings
union
select pr.company_key
from dedupe_pairs pr
join dedupe_rows a on a.posting_id = pr.posting_a
join dedupe_rows b on b.posting_id = pr.posting_b
where greatest(a.start_day - b.end_day, b.start_day - a.end_day, 0) <> pr.gap
  and least(greatest(a.start_day - b.end_day, b.start_day - a.end_day, 0), pr.gap) <= $1
