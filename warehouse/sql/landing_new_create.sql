-- Content versions not stored yet; the first landing of a version is the one kept.
create or replace temp table landing_new as
select distinct on (source, source_id, content_hash) *
from landing_stage s
where valid
  and not exists (
      select 1 from raw_postings r
      where r.source = s.source
        and r.source_id = s.source_id
        and r.content_hash = s.content_hash
  )
order by source, source_id, content_hash, crawl_date, run_id, line_no
