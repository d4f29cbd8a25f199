-- postings.canonical_posting_id from the kept clusters; every other posting is its own.
update postings p
set canonical_posting_id = m.canonical_posting_id
from dedupe_members m
where p.posting_id = m.posting_id
  and p.canonical_posting_id is distinct from m.canonical_posting_id;

update postings
set canonical_posting_id = posting_id
where canonical_posting_id is distinct from posting_id
  and posting_id not in (select posting_id from dedupe_members);

drop table dedupe_rows;
drop table dedupe_signatures;
drop table dedupe_dirty;
drop table dedupe_redo
