-- Append-only: landing_new names only versions not stored yet.
insert into raw_postings
select
    source, source_id, content_hash, posting_id, board, url, company, title, location_raw,
    remote_hint, description_html, description_text, posted_at, updated_at,
    employment_type, compensation, compensation_ranges, attribution_url, fetched_at,
    crawl_date, run_id, landing_file
from landing_stage
where line_no in (select line_no from landing_new);
drop table landing_new
