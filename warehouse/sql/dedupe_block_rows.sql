-- The candidates of the blocks to match again (dedupe_redo), with their normalised
-- titles, in the order find_clusters reads them (the seen period in days since 1970).
select r.posting_id, r.source, r.company_key, r.title, t.norm, r.country, r.city,
       r.start_day as period_start, r.end_day as period_end
from dedupe_rows r
join dedupe_titles t using (title)
where r.company_key in (select company_key from dedupe_redo)
order by r.company_key, r.posting_id
