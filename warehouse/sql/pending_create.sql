-- $1 extractor version. The latest raw version of every posting that has no extraction
-- of exactly that content by exactly this extractor version, numbered for paging.
create or replace temp table pending as
select
    row_number() over (order by l.posting_id) - 1 as rn,
    l.posting_id as id,
    l.title,
    l.company,
    l.location_raw as location,
    coalesce(nullif(l.description_text, ''), l.description_html, '') as text,
    l.posted_at,
    l.compensation,
    l.compensation_ranges,
    l.remote_hint,
    l.source
from latest_raw l
left join postings p using (posting_id)
where p.posting_id is null
   or p.content_hash <> l.content_hash
   or p.extractor_version <> $1
order by rn
