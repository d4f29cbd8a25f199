-- 015: posting_latest.first_seen, the first crawl date among all of a posting's sightings
-- (its crawl_date is the last: the latest sighting's). The ingest keeps it
-- (posting_latest_update.sql), and the lifecycle reads a posting's dates here
-- (lifecycle_compute.sql) instead of from posting_sightings, which grows by every crawl's
-- records every day: with 88 weeks of history at a million postings, reading the
-- sightings was 1.4 s of a daily refresh's lifecycle, with 8 weeks 0.1 s. This sets it
-- once for what is already there.
alter table posting_latest add column first_seen date;

update posting_latest l
set first_seen = s.first_seen
from (
    select posting_id, min(crawl_date) as first_seen
    from posting_sightings
    group by posting_id
) s
where l.posting_id = s.posting_id
