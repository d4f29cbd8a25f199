-- The staged records that load: the last one of each id (a hash aggregate on seq; a
-- window partitioned by posting_id sorted every staged row), for postings that landed
-- (output for a posting never landed drops out). Only their seq: the insert reads the
-- rest from the stage, so the output is not copied once more.
create or replace temp table extract_final as
select s.seq, s.posting_id
from extract_stage s
semi join posting_latest l on l.posting_id = s.posting_id
where s.seq in (select max(seq) from extract_stage group by posting_id)
