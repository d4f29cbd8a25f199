-- The staged postings of this flush (before the stage is cleared).
insert into landing_touched
select distinct posting_id from landing_stage where valid
