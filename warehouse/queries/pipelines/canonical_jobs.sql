-- Postings and the distinct jobs they collapse to after cross-source dedupe.
select count(*) as postings,
    count(distinct coalesce(canonical_posting_id, posting_id)) as canonical_jobs
from postings
