-- Append-only: `landing_batch` holds the first landing of every version not stored yet
-- (landing_new), with its content hash as `stored_hash`, so it is not computed again.
insert into raw_postings
select
    source, source_id, stored_hash, posting_id, board, url, company, title, location_raw,
    remote_hint, description_html, description_text, posted_at, updated_at,
    employment_type, compensation, compensation_ranges, attribution_url, fetched_at,
    crawl_date, run_id, landing_file, valid_through
from landing_typed();
drop table landing_new
