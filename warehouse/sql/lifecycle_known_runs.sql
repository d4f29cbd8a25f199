-- The runs whose sightings the lifecycle has already taken in (lifecycle_runs): a
-- lifecycle is recomputed only for postings these runs alone cannot have settled
-- (lifecycle_compute.sql, `scope`).
create or replace temp table lifecycle_known_runs as
select run_id from lifecycle_runs
