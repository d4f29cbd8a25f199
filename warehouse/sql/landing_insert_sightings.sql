-- One sighting per posting and crawl run (a run is one landing file, and landing_files
-- lets each file in once); a record listed twice in a run counts once, its last line wins.
insert into posting_sightings
select distinct on (posting_id, run_id)
    posting_id, source, board, content_hash, run_id, crawl_date, fetched_at
from landing_stage
where valid
order by posting_id, run_id, line_no desc
