update postings p
set first_seen = n.first_seen, last_seen = n.last_seen, closed_at = n.closed_at
from lifecycle_new n
where p.posting_id = n.posting_id
  and (p.first_seen is distinct from n.first_seen
       or p.last_seen is distinct from n.last_seen
       or p.closed_at is distinct from n.closed_at);
drop table lifecycle_new
