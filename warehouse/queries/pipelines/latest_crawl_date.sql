-- The latest landing day loaded into the warehouse.
select max(crawl_date) from crawl_runs
