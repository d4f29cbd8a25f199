-- pending_input(version): the extract input records (docs/architecture.md section 2) of
-- the latest raw version of every posting that has no extraction of exactly that content
-- by exactly this extractor version, in posting_id order. A temp macro, so the writer
-- connection and the cursor that streams the records each define their own.
create or replace temp macro pending_input(version) as table
select
    r.posting_id as id,
    coalesce(r.title, '') as title,
    coalesce(r.company, '') as company,
    r.location_raw as location,
    coalesce(nullif(r.description_text, ''), r.description_html, '') as text,
    strftime(r.posted_at, '%Y-%m-%dT%H:%M:%S') as posted_at,
    r.compensation,
    coalesce(r.compensation_ranges, []) as compensation_ranges,
    r.remote_hint,
    r.source
from posting_latest l
left join postings p using (posting_id)
join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.content_hash
where p.posting_id is null
   or p.content_hash <> l.content_hash
   or p.extractor_version <> version
order by r.posting_id
