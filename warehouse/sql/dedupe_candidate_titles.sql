-- The candidates' distinct titles.
create or replace temp table dedupe_candidate_titles as select distinct title from dedupe_rows
