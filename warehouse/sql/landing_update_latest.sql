-- Make the newest staged version of each posting its latest one, unless a later crawl
-- is already loaded (a backfilled old file never overrides newer content).
create or replace temp table landing_incoming as
select distinct on (posting_id)
    posting_id, source, source_id, board, content_hash, crawl_date, fetched_at, run_id,
    company, title, location_raw, url, posted_at
from landing_stage
where valid
order by posting_id, crawl_date desc, fetched_at desc, run_id desc, line_no desc;

delete from posting_latest l
using landing_incoming i
where l.posting_id = i.posting_id
  and (i.crawl_date, i.fetched_at, i.run_id) >= (l.crawl_date, l.fetched_at, l.run_id);

insert into posting_latest
select i.*
from landing_incoming i
where not exists (select 1 from posting_latest l where l.posting_id = i.posting_id);

drop table landing_incoming
