-- The candidates' titles not normalised yet (dedupe_titles keeps the others).
select title
from dedupe_candidate_titles
where title not in (select title from dedupe_titles)
