-- The latest landed version of every posting this ingest sighted: the content of its most
-- recent sighting (by crawl date, then fetch time, then run id), so a backfilled older
-- file never overrides newer content. Only the sighted postings (landing_touched) can
-- change: every other posting has the same sightings and versions as before, so its row
-- stays. Their rows are deleted and recomputed from all their sightings (the formula of
-- migration 003), the rest of the table is not read.
create or replace temp table landing_touched_keys as
select distinct posting_id from landing_touched;

delete from posting_latest
where posting_id in (select posting_id from landing_touched_keys);

insert into posting_latest
with latest as (
    select
        posting_id,
        max_by(
            struct_pack(content_hash, crawl_date, fetched_at, run_id),
            (crawl_date, fetched_at, run_id)
        ) as v
    from posting_sightings
    where posting_id in (select posting_id from landing_touched_keys)
    group by posting_id
)
select
    r.posting_id, r.source, r.source_id, r.board, r.content_hash,
    l.v.crawl_date, l.v.fetched_at, l.v.run_id,
    r.company, r.title, r.location_raw, r.url, r.posted_at
from latest l
join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.v.content_hash;

drop table landing_touched_keys;
drop table landing_touched
