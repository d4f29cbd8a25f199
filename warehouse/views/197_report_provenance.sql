-- Where a report's numbers come from: the crawls and the extraction run behind the
-- warehouse, one row. `refresh_id` names the snapshot: the last extraction run (the refresh
-- that wrote it) and the last crawl date loaded.
create or replace view report_provenance as
select
    (select max(crawl_date) from crawl_runs) as last_crawl,
    (select min(crawl_date) from crawl_runs) as first_crawl,
    (select count(distinct crawl_date) from crawl_runs) as crawl_days,
    (select count(*) from landing_files) as landing_files,
    (select max_by(extraction_run_id, finished_at) from extraction_runs) as extraction_run_id,
    (select max_by(extractor_version, finished_at) from extraction_runs) as extractor_version,
    (select max(finished_at) from extraction_runs) as refreshed_at
