-- The spooled records that load (`extract_output`: the fields of docs/architecture.md
-- section 2 plus `seq`, their order of arrival): the last one of each id, for postings
-- that landed. A record without an id is skipped; output for a posting never landed
-- drops out. Only their seq: the inserts read the rest from the spool.
create or replace temp table extract_final as
select max(o.seq) as seq, o.id as posting_id
from extract_output o
semi join posting_latest l on l.posting_id = o.id
where o.id <> ''
group by o.id
