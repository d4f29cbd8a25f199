-- Pairs of blocks whose clusters depend on each other: an archive link across blocks now,
-- or a kept cluster spanning them (its members are re-matched together).
select distinct coalesce(a.company_key, ''), coalesce(l.company_key, '')
from dedupe_links k
join postings a on a.posting_id = k.archive_id
join postings l on l.posting_id = k.live_id
where coalesce(a.company_key, '') <> coalesce(l.company_key, '')
union
select distinct a.company_key, b.company_key
from dedupe_members a
join dedupe_members b using (canonical_posting_id)
where a.company_key < b.company_key
