-- With what it read kept, the step reads only the postings the change record (migration
-- 016) says were loaded again since: no other posting's title, content or extraction can
-- have moved (the lifecycle, dedupe and flags change none of what it reads). At a
-- million postings, reading every posting to find the few that moved cost 0.25 s a day.
create or replace temp table boilerplate_scope as
select distinct posting_id
from posting_changes
where changed_by in ('extract', 'carry_over');
create or replace temp view boilerplate_read as
select * from postings where posting_id in (select posting_id from boilerplate_scope);
create or replace temp view boilerplate_kept as
select * from boilerplate_postings
where posting_id in (select posting_id from boilerplate_scope)
