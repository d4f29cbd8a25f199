-- The latest landed version of every posting: the content of its most recent sighting
-- (by crawl date, then fetch time, then run id), so a backfilled older file never
-- overrides newer content. Rebuilt once per ingest that landed anything (a bulk insert
-- is far cheaper in DuckDB than deleting and re-inserting changed rows).
delete from posting_latest;
insert into posting_latest
with latest as (
    select
        posting_id,
        max_by(
            struct_pack(content_hash, crawl_date, fetched_at, run_id),
            (crawl_date, fetched_at, run_id)
        ) as v
    from posting_sightings
    group by posting_id
)
select
    r.posting_id, r.source, r.source_id, r.board, r.content_hash,
    l.v.crawl_date, l.v.fetched_at, l.v.run_id,
    r.company, r.title, r.location_raw, r.url, r.posted_at
from latest l
join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.v.content_hash
