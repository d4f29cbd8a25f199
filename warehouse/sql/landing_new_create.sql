-- Content versions not stored yet (their staged line numbers only: the rows themselves
-- are copied once, straight into raw_postings); the first landing of a version is kept.
create or replace temp table landing_new as
select distinct on (source, source_id, content_hash) line_no, landing_file
from landing_stage s
where valid
  and not exists (
      select 1 from raw_postings r
      where r.source = s.source
        and r.source_id = s.source_id
        and r.content_hash = s.content_hash
  )
order by source, source_id, content_hash, crawl_date, run_id, line_no
