-- Append-only: a (source, source_id, content_hash) already stored is not stored again.
insert into raw_postings
select distinct on (source, source_id, content_hash)
    source, source_id, content_hash, posting_id, board, url, company, title, location_raw,
    remote_hint, description_html, description_text, posted_at, updated_at,
    employment_type, compensation, compensation_ranges, attribution_url, fetched_at,
    crawl_date, run_id, landing_file
from landing_stage s
where valid
  and not exists (
      select 1 from raw_postings r
      where r.source = s.source
        and r.source_id = s.source_id
        and r.content_hash = s.content_hash
  )
order by source, source_id, content_hash, line_no
