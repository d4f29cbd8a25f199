-- The latest of this flush's sightings of every posting it sighted (the order of
-- migration 003: crawl date, then fetch time, then run id).
insert into landing_touched
select
    posting_id,
    max_by(
        struct_pack(content_hash, crawl_date, fetched_at, run_id),
        (crawl_date, fetched_at, run_id)
    )
from landing_sightings
group by posting_id;
drop table landing_sightings
