-- In the blocks whose only change is new candidates (dedupe_redo): each new candidate's
-- normalised title against those of the block's postings of other sources whose places
-- agree (country and city equal where both are known), once per distinct pair of titles.
-- A block with no such pair scoring TITLE_SCORE_CUTOFF keeps its clusters.
with added as (
    select posting_id from dedupe_changed where old_key is null
),
rows as (
    select
        r.posting_id in (select posting_id from added) as is_added,
        r.company_key, r.source, t.norm, r.country, r.city
    from dedupe_rows r
    join dedupe_titles t using (title)
    where r.company_key in (select company_key from dedupe_redo) and t.norm <> ''
)
select distinct a.company_key, a.norm as norm_a, b.norm as norm_b
from rows a
join rows b on a.company_key = b.company_key and a.source <> b.source
where a.is_added
  and (a.country = '' or b.country = '' or a.country = b.country)
  and (a.city = '' or b.city = '' or a.city = b.city)
