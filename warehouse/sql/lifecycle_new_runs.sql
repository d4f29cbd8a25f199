-- What the runs not taken in yet (lifecycle_known_runs) bring, for lifecycle_compute.sql:
-- the runs, the postings they sighted (their dates are in posting_latest), and of those
-- the ones not loaded yet (lifecycle_unloaded; lifecycle.py adds the other unloaded
-- postings when the counts say there are any).
-- The runs are read from landing_files (every sighting comes from a landing file the
-- ingest recorded, under its run id) and crawl_runs, not from posting_sightings, which
-- grows by every crawl's records: the new runs' sightings are then found by run id, at
-- the table's end.
create or replace temp table lifecycle_new_runs as
select distinct run_id, crawl_date from landing_files
where run_id not in (select run_id from lifecycle_known_runs)
union
select run_id, crawl_date from crawl_runs
where run_id not in (select run_id from lifecycle_known_runs);

create or replace temp table lifecycle_new_sightings as
select distinct posting_id
from posting_sightings
where run_id in (select run_id from lifecycle_new_runs);

-- (not exists: built on the few new sightings, not on every posting)
create or replace temp table lifecycle_unloaded as
select n.posting_id from lifecycle_new_sightings n
where not exists (select 1 from postings p where p.posting_id = n.posting_id)
