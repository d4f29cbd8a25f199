-- $1 extractor version. The pending records as a temp table, numbered for paging (inside
-- an explicit transaction, where a second cursor would not see this transaction's rows).
create or replace temp table pending as
select row_number() over (order by id) - 1 as rn, *
from pending_input($1)
