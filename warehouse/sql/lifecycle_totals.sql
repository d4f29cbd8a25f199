select
    count(*) as postings,
    count(*) filter (where closed_at is null) as open_postings,
    count(*) filter (where closed_at is not null) as closed_postings
from postings
