-- The sightings of this ingest (every flush adds its own; posting_sightings' columns),
-- appended to posting_sightings at its end in one insert: one insert per flush left a
-- part-filled row group per flush (kept until `promptjobs maintain` compacts). Its
-- postings are the only ones whose latest version can change, so posting_latest is
-- updated for them alone (posting_latest_fresh.sql, posting_latest_update.sql).
create or replace temp table landing_touched as
select * from posting_sightings limit 0
