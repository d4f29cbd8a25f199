-- One numbered batch of a landing file (`landing_batch`): its keys and content hashes.
insert into landing_stage
select
    source_id is not null as valid,
    source,
    source_id,
    posting_id,
    content_hash,
    board,
    fetched_at,
    crawl_date,
    run_id,
    landing_file,
    line_no
from landing_typed()
