-- One sighting per posting and crawl run; a record listed twice in a run counts once
-- (its last line wins).
insert into posting_sightings
select distinct on (posting_id, run_id)
    posting_id, source, board, content_hash, run_id, crawl_date, fetched_at
from landing_stage s
where valid
  and not exists (
      select 1 from posting_sightings p
      where p.posting_id = s.posting_id and p.run_id = s.run_id
  )
order by posting_id, run_id, line_no desc
