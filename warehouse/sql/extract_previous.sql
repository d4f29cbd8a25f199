-- What the lifecycle and the dedupe computed for the staged postings that already exist.
create or replace temp table extract_previous as
select posting_id, first_seen, last_seen, closed_at, closed_by, closed_run_id, canonical_posting_id
from postings
where posting_id in (select posting_id from extract_final);
select count(*) from extract_previous
