-- Where a report's numbers come from: the crawls and the extraction run behind the
-- warehouse, one row. `extraction_run_id` names the snapshot (the refresh that last wrote
-- postings); the crawl dates, sources and boards are the sampling frame.
create or replace view report_provenance as
select
    (select max(crawl_date) from crawl_runs) as last_crawl,
    (select min(crawl_date) from crawl_runs) as first_crawl,
    (select count(distinct crawl_date) from crawl_runs) as crawl_days,
    (select count(distinct source) from crawl_runs) as sources,
    (
        select count(distinct source || '/' || board)
        from (select source, unnest(boards_ok) as board from crawl_runs)
    ) as boards,
    (select count(*) from landing_files) as landing_files,
    (select max_by(extraction_run_id, finished_at) from extraction_runs) as extraction_run_id,
    (select max_by(extractor_version, finished_at) from extraction_runs) as extractor_version,
    (select max(finished_at) from extraction_runs) as refreshed_at
