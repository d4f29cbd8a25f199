update postings p
set canonical_posting_id = m.canonical_posting_id
from dedupe_map m
where p.posting_id = m.posting_id
  and p.canonical_posting_id is distinct from m.canonical_posting_id;

update postings
set canonical_posting_id = posting_id
where canonical_posting_id is distinct from posting_id
  and posting_id not in (select posting_id from dedupe_map);

drop table dedupe_map
