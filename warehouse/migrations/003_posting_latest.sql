-- 003: the latest landed version of each posting as a table, maintained by the ingest,
-- instead of being recomputed from every sighting on each extraction batch. It also
-- carries the headline fields `postings` takes from the raw row, so loading extract
-- output never scans raw_postings.

create table posting_latest (
    posting_id varchar not null,
    source varchar not null,
    source_id varchar not null,
    board varchar,
    content_hash varchar not null,
    crawl_date date not null,
    fetched_at timestamp not null,
    run_id varchar not null,
    company varchar,
    title varchar,
    location_raw varchar,
    url varchar,
    posted_at timestamp
);

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
join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.v.content_hash;

create or replace view latest_raw as
select r.*
from posting_latest l
join raw_postings r using (posting_id, content_hash);
