-- The latest landed version of every posting this ingest sighted: the content and board of
-- its most recent sighting (by crawl date, then fetch time, then run id), so a backfilled
-- older file never overrides newer content. The board is the sighting's (a job moved to
-- another board with the same content is on the new one: the lifecycle closes it by that
-- board's crawls), the other fields are the version's. Only the sighted postings
-- (landing_touched, this ingest's sightings) can change, and the latest of all a posting's
-- sightings is the later of its row here (the latest of its earlier sightings) and the
-- latest of this ingest's: posting_sightings is not read again. Migrations 003 and 014 have
-- the formula over every sighting. (Two sightings never tie: one per posting and run, each run loaded once.)
-- `first_seen`, the first crawl date of all its sightings, is the earlier of its row's and
-- this ingest's first (migration 015).
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
left join posting_latest p using (posting_id);

-- Updated in place rather than deleted and inserted again: a delete of a quarter of the
-- table made the next checkpoint rewrite (vacuum) nearly all of it.
update posting_latest p
set crawl_date = n.v.crawl_date, fetched_at = n.v.fetched_at, run_id = n.v.run_id
from landing_latest n
where n.moved and p.posting_id = n.posting_id;

-- (apart: the board of nearly every moved row is the same, and an update rewrites the
-- column of every row it names at the next checkpoint)
update posting_latest p
set board = n.v.board
from landing_latest n
where n.moved and p.posting_id = n.posting_id and p.board is distinct from n.v.board;

-- (an older file loaded late: the posting was first seen earlier than its row says)
update posting_latest p
set first_seen = n.first_seen
from landing_latest n
where not n.new and p.posting_id = n.posting_id
    and n.first_seen is distinct from n.kept_first_seen;

delete from posting_latest
where posting_id in (select posting_id from landing_latest where new);

insert into posting_latest by name
select
    r.posting_id, r.source, r.source_id, n.v.board, r.content_hash,
    n.v.crawl_date, n.v.fetched_at, n.v.run_id,
    r.company, r.title, r.location_raw, r.url, r.posted_at, n.first_seen
from landing_latest n
join raw_postings r on r.posting_id = n.posting_id and r.content_hash = n.v.content_hash
where n.new;

drop table landing_latest;
drop table landing_touched
