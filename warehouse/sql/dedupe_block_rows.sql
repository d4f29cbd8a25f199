-- The candidates of the blocks to match again, with their normalised titles, in the
-- order find_clusters reads them.
select r.posting_id, r.source, r.company_key, r.title, t.norm, r.country, r.city,
       r.period_start, r.period_end
from dedupe_rows r
join dedupe_titles t using (title)
where r.company_key in (select company_key from dedupe_redo)
order by r.company_key, r.posting_id
