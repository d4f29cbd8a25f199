-- A taxonomy edit alone: the postings read by $1 (the same code, the previous taxonomy)
-- whose current text contains none of the changed aliases $2 (lower case, whitespace
-- removed) are extracted the same by the new version, so they take it without being
-- re-extracted (extraction_carry_over.sql). The rest stay on $1 and pending_input picks
-- them up.
create or replace temp table carry_over as
select p.posting_id
from postings p
join posting_latest l on l.posting_id = p.posting_id and l.content_hash = p.content_hash
join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.content_hash
where p.extractor_version = $1
  and not coalesce(list_bool_or(list_transform(
      $2::varchar[],
      alias -> contains(
          regexp_replace(
              lower(
                  coalesce(r.title, '') || ' ' || coalesce(r.company, '') || ' '
                  || coalesce(nullif(r.description_text, ''), r.description_html, '')
              ),
              '\s+', '', 'g'
          ),
          alias
      )
  )), false)
