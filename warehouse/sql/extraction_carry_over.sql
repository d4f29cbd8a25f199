-- A taxonomy edit alone: the postings read by $2 (the same code, the previous taxonomy)
-- whose current text contains none of the changed aliases $3 (lower case, whitespace
-- removed) are extracted the same by $1, so they take $1 without being re-extracted.
-- The rest stay on $2 and pending_input picks them up. Returns the rows carried over.
update postings
set extractor_version = $1
from (
    select l.posting_id
    from posting_latest l
    join raw_postings r on r.posting_id = l.posting_id and r.content_hash = l.content_hash
    where not coalesce(list_bool_or(list_transform(
        $3::varchar[],
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
) unaffected
where postings.posting_id = unaffected.posting_id
  and postings.extractor_version = $2
  and postings.content_hash = (
      select content_hash from posting_latest where posting_id = postings.posting_id
  )
