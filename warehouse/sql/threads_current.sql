-- The writer's thread count (landing_ingest sets it to 1 for one insert, then back).
select current_setting('threads')
