-- The latest crawl run of each source: what the UI shows under crawl_runs.
select source, crawl_date, status, items, items_invalid,
    len(boards_ok) as boards_ok, len(boards_not_found) as boards_not_found,
    len(boards_failed) as boards_failed, finished_at
from crawl_runs
qualify row_number() over (partition by source order by finished_at desc nulls last, run_id desc) = 1
order by source
