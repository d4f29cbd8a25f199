-- $1 extractor version (the run id is set once rows are known). The last record of each id, joined to the
-- latest landed version it was made from; output for a posting never landed drops out.
-- (The last record by a hash aggregate on seq: a window partitioned by posting_id sorted
-- every staged row.)
create or replace temp table extract_final as
with last_record as (
    select *
    from extract_stage
    where seq in (select max(seq) from extract_stage group by posting_id)
)
select
    e.*,
    l.source,
    l.source_id,
    l.board,
    l.company,
    l.title,
    l.location_raw as location,
    l.url,
    l.posted_at,
    l.content_hash,
    $1 as extractor_version,
    cast(null as varchar) as extraction_run_id
from last_record e
join posting_latest l on l.posting_id = e.posting_id
