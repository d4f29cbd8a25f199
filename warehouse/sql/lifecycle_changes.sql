-- What applying lifecycle_new will change: postings it closes (including postings not
-- loaded yet, which are inserted closed) and postings it reopens.
select
    count(*) filter (where n.closed_at is not null and p.closed_at is null) as newly_closed,
    count(*) filter (where p.closed_at is not null and n.closed_at is null) as reopened
from lifecycle_new n
left join postings p using (posting_id)
