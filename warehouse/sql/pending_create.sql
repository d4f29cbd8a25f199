-- $1 extractor version, $2 partitions, $3 this partition (0-based). The pending records
-- of this partition (a share by posting_id hash; $2 = 1 is all) as a temp table, numbered
-- for paging (inside an explicit transaction, where a second cursor would not see this
-- transaction's rows).
create or replace temp table pending as
select row_number() over (order by id) - 1 as rn, *
from pending_input($1)
where $2 = 1 or hash(id) % $2 = $3
