-- $1 extractor version, $2 partitions, $3 this partition (0-based; $2 = 1 is all). The
-- pending records streamed on the writer's own connection inside an explicit transaction
-- (extraction_handoff.pending_tables), each with the number of them in all: a stream cut
-- short because the connection ran another statement meanwhile is noticed, not taken for
-- the end of the set.
select *, count(*) over () as pending_total
from pending_input($1)
where $2 = 1 or hash(id) % $2 = $3
order by id
