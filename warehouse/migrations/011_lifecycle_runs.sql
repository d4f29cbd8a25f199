-- The crawl runs whose sightings the postings' lifecycle has taken in (apply_lifecycle
-- adds the new ones). A refresh recomputes the lifecycle only of postings a run not in
-- here can change (lifecycle_compute.sql), whichever transaction ingested that run: the
-- refresh itself, or an earlier one (a separate ingest before partitioned extraction,
-- `promptjobs boards discover`). Every refresh so far applied what it ingested, so every
-- run held now is in.
create table lifecycle_runs (run_id varchar not null);
insert into lifecycle_runs
select distinct run_id from posting_sightings
union
select run_id from crawl_runs;
