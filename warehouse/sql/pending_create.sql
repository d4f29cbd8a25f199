-- $1 extractor version. The latest raw version of every posting that has no extraction
-- of exactly that content by exactly this extractor version, numbered for paging.
create or replace temp table pending as
with todo as (
    select l.posting_id, l.content_hash
    from posting_latest l
    left join postings p using (posting_id)
    where p.posting_id is null
       or p.content_hash <> l.content_hash
       or p.extractor_version <> $1
)
select
    row_number() over (order by r.posting_id) - 1 as rn,
    r.posting_id as id,
    r.title,
    r.company,
    r.location_raw as location,
    coalesce(nullif(r.description_text, ''), r.description_html, '') as text,
    r.posted_at,
    r.compensation,
    r.compensation_ranges,
    r.remote_hint,
    r.source
from todo
join raw_postings r using (posting_id, content_hash)
order by rn
