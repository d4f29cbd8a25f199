-- The postings this ingest sighted, each with its latest sighting among this ingest's
-- (every flush adds its own): the only postings whose latest version can change, so
-- posting_latest is updated for them alone (posting_latest_update.sql).
create or replace temp table landing_touched (
    posting_id varchar,
    v struct(content_hash varchar, crawl_date date, fetched_at timestamp, run_id varchar)
)
