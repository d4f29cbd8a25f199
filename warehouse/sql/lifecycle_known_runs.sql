-- The runs the warehouse held before this refresh's ingest: a lifecycle is recomputed only
-- for postings these runs alone cannot have settled (lifecycle_compute.sql, `scope`).
create or replace temp table lifecycle_known_runs as
select distinct run_id from posting_sightings
union
select run_id from crawl_runs
