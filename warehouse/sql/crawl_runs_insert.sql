insert into crawl_runs
select
    run_id, source, crawl_date,
    try_cast(try_cast(started_at as timestamptz) as timestamp),
    try_cast(try_cast(finished_at as timestamptz) as timestamp),
    duration_s, status, requests, responses, items, items_invalid,
    errors::json, boards_ok, boards_not_found, boards_failed, landing_file
from crawl_run_batch b
where not exists (select 1 from crawl_runs c where c.run_id = b.run_id)
qualify row_number() over (partition by run_id order by landing_file) = 1
