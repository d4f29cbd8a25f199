-- The candidates' titles not normalised yet (dedupe_titles keeps the others).
select distinct title
from dedupe_rows
where title not in (select title from dedupe_titles)
