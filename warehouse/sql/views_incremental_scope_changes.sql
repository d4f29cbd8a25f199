-- An incremental upkeep compares only the postings the change record (migration 016)
-- names with their kept fingerprints: every statement that writes postings or their
-- skills records the postings it wrote, so no other posting's fingerprint can have moved.
-- At a million postings, fingerprinting every posting to find those cost 0.3-0.5 s a day.
-- A posting whose history's end alone moved (`lifecycle`: a quarter of them, daily) is
-- not fingerprinted (its fingerprint leaves those dates out): its job's facts row takes
-- them (inc_life, views_incremental_affected.sql).
create or replace temp table inc_scope as
select distinct posting_id from posting_changes where changed_by <> 'lifecycle';
create or replace temp table inc_history_end as
select distinct posting_id from posting_changes where changed_by = 'lifecycle';
create or replace temp view inc_scope_postings as
select * from postings where posting_id in (select posting_id from inc_scope);
create or replace temp view inc_scope_skills as
select * from posting_skills where posting_id in (select posting_id from inc_scope);
create or replace temp view inc_scope_state as
select * from mat_posting_state where posting_id in (select posting_id from inc_scope)
