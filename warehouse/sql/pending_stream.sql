-- $1 extractor version, $2 partitions, $3 this partition (0-based; $2 = 1 is all). Every
-- pending extract input record of the partition, streamed in pages.
select * from pending_input($1)
where $2 = 1 or hash(id) % $2 = $3
