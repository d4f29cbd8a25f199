-- postings.canonical_posting_id from the kept clusters (dedupe_changes.sql: only the
-- postings whose value moves).
update postings p
set canonical_posting_id = c.canonical_posting_id
from dedupe_changes c
where p.posting_id = c.posting_id;
-- The change record (migration 016).
insert into posting_changes select posting_id, 'dedupe' from dedupe_changes
