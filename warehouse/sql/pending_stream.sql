-- $1 extractor version. Every pending extract input record, streamed in pages.
select * from pending_input($1)
