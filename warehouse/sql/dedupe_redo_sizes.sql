-- The number of candidates of each block to match again (dedupe_redo): the dedupe matches
-- them a few hundred thousand at a time (dedupe.MATCH_CHUNK_ROWS).
select company_key, count(*)
from dedupe_rows
where company_key in (select company_key from dedupe_redo)
group by company_key
