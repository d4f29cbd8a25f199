-- $1 extractor version, $2 extraction run id. Extract output joined to the raw version
-- it was made from; output for a posting never landed is dropped here.
create or replace temp table extract_stage as
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
    $2 as extraction_run_id
from extract_batch e
join latest_raw l on l.posting_id = e.posting_id
where l.posting_id in (select posting_id from extract_batch)
