-- 014: posting_latest.board is the board of the posting's latest sighting (by crawl date,
-- fetch time, run id), no longer the board its version was first landed on: a job moved to
-- another board with unchanged content is listed there now, and the lifecycle reads the
-- board from posting_latest (warehouse/sql/lifecycle_compute.sql). The ingest keeps it so
-- (posting_latest_update.sql); this sets it once for what is already there.
update posting_latest l
set board = s.board
from (
    select posting_id, max_by(board, (crawl_date, fetched_at, run_id)) as board
    from posting_sightings
    group by posting_id
) s
where l.posting_id = s.posting_id and l.board is distinct from s.board
