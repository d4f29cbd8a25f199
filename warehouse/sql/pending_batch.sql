-- One page of extract input records, in the exact shape of docs/architecture.md §2.
select
    id,
    coalesce(title, '') as title,
    coalesce(company, '') as company,
    location,
    text,
    strftime(posted_at, '%Y-%m-%dT%H:%M:%S') as posted_at,
    compensation,
    coalesce(compensation_ranges, []) as compensation_ranges,
    remote_hint,
    source
from pending
where rn >= $1 and rn < $2
order by rn
