-- One part of the postings this ingest sighted (landing_latest, posting_latest_fresh.sql)
-- gets its latest version.
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

drop table landing_latest
