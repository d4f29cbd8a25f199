-- The end of the latest crawl of $source that did not fail (UTC, no offset).
select max(finished_at) as finished_at, count(*) as runs
from crawl_runs
where source = $source and coalesce(status, '') <> 'failed'
