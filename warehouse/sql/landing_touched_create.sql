-- The postings this ingest sighted (every flush adds its staged ones): the only postings
-- whose latest version can change, so posting_latest is updated for them alone.
create or replace temp table landing_touched (posting_id varchar)
