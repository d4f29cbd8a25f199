select
    count(*) filter (where p.closed_at is null and n.closed_at is not null) as newly_closed,
    count(*) filter (where p.closed_at is not null and n.closed_at is null) as reopened
from postings p
join lifecycle_new n using (posting_id)
