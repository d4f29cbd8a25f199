-- The latest landed version of every posting this ingest sighted: the content and board of
-- its most recent sighting (by crawl date, then fetch time, then run id), so a backfilled
-- older file never overrides newer content. The board is the sighting's (a job moved to
-- another board with the same content is on the new one: the lifecycle closes it by that
-- board's crawls), the other fields are the version's. Only the sighted postings
-- (landing_touched, this ingest's sightings) can change, and the latest of all a posting's
-- sightings is the later of its row here (the latest of its earlier sightings) and the
-- latest of this ingest's: posting_sightings is not read again. Migrations 003 and 014 have
-- the formula over every sighting. (Two sightings never tie: one per posting and run, each
-- run loaded once.) `first_seen`, the first crawl date of all its sightings, is the earlier
-- of its row's and this ingest's first (migration 015).
-- $1 parts, $2 this part: a large ingest's postings are updated in parts, by the hash of
-- their id, so one part's memory stays bounded (landing_ingest.TOUCHED_PART_SIGHTINGS);
-- posting_latest_update.sql applies each part. (`$1 = 1 or`: one part, the usual case, then
-- skips hashing every row, a third of this statement on a daily crawl.)
create or replace temp table landing_latest as
with fresh as (
    select
        posting_id,
        max_by(
            struct_pack(content_hash, board, crawl_date, fetched_at, run_id),
            (crawl_date, fetched_at, run_id)
        ) as v,
        min(crawl_date) as first_seen
    from landing_touched
    where $1 = 1 or hash(posting_id) % $1 = $2
    group by posting_id
)
select
    n.posting_id,
    n.v,
    least(n.first_seen, coalesce(p.first_seen, n.first_seen)) as first_seen,
    p.first_seen as kept_first_seen,
    -- `moved`: the same content seen again later (most postings of a daily crawl), which
    -- changes three small columns in place (and the board, when it moved); `new`: other
    -- content, or no row yet, which takes its row from raw_postings. (Neither: an older file
    -- loaded late.)
    p.posting_id is not null and p.content_hash = n.v.content_hash
        and (n.v.crawl_date, n.v.fetched_at, n.v.run_id)
            > (p.crawl_date, p.fetched_at, p.run_id) as moved,
    p.posting_id is null or (
        p.content_hash <> n.v.content_hash
        and (n.v.crawl_date, n.v.fetched_at, n.v.run_id)
            > (p.crawl_date, p.fetched_at, p.run_id)
    ) as new
from fresh n
left join posting_latest p using (posting_id)
