-- The postings whose canonical_posting_id is not what the kept clusters say: a member
-- takes its cluster's canonical posting, every other posting is its own.
create or replace temp table dedupe_changes as
select p.posting_id, coalesce(m.canonical_posting_id, p.posting_id) as canonical_posting_id
from postings p
left join dedupe_members m using (posting_id)
where p.canonical_posting_id is distinct from coalesce(m.canonical_posting_id, p.posting_id)
