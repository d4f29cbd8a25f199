-- Pairs of blocks whose clusters depend on each other: an archive link across blocks now,
-- or a kept cluster spanning them (its members are re-matched together).
select distinct a.company_key, l.company_key
from dedupe_rows a
join dedupe_rows l on l.posting_id = a.source_id
where a.source = 'archive' and a.company_key <> l.company_key
union
select distinct a.company_key, b.company_key
from dedupe_members a
join dedupe_members b using (canonical_posting_id)
where a.company_key < b.company_key
