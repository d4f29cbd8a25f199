-- Content versions not stored yet, by the line of their first landing (line numbers
-- follow landing order); loads.py copies those rows into raw_postings. A hash aggregate, not DISTINCT ON + ORDER BY:
-- no sort of the whole stage.
create or replace temp table landing_new as
select
    min(line_no) as line_no,
    arg_min(landing_file, line_no) as landing_file,
    content_hash
from landing_stage s
where valid
  and not exists (
      select 1 from raw_postings r
      where r.source = s.source
        and r.source_id = s.source_id
        and r.content_hash = s.content_hash
  )
group by source, source_id, content_hash
