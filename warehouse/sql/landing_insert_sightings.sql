-- One sighting per posting and crawl run (a run is one landing file, and landing_files
-- lets each file in once); a record listed twice in a run counts once, its last line wins.
-- Kept in landing_touched until the ingest ends (landing_sightings_insert.sql).
insert into landing_touched
select
    posting_id,
    last.source,
    last.board,
    last.content_hash,
    run_id,
    last.crawl_date,
    last.fetched_at
from (
    select
        posting_id,
        run_id,
        arg_max(struct_pack(source, board, content_hash, crawl_date, fetched_at), line_no)
            as last
    from landing_stage
    where valid
    group by posting_id, run_id
)
