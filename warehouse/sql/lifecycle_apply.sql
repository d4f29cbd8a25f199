-- The postings whose dates move (one join, read by the update and the change record).
create or replace temp table lifecycle_moved as
select
    n.posting_id, n.first_seen, n.last_seen, n.closed_at, n.closed_by, n.closed_run_id,
    p.first_seen is distinct from n.first_seen as first_seen_moved
from lifecycle_new n
join postings p using (posting_id)
where p.first_seen is distinct from n.first_seen
   or p.last_seen is distinct from n.last_seen
   or p.closed_at is distinct from n.closed_at
   or p.closed_by is distinct from n.closed_by
   or p.closed_run_id is distinct from n.closed_run_id;
update postings p
set first_seen = n.first_seen, last_seen = n.last_seen, closed_at = n.closed_at,
    closed_by = n.closed_by, closed_run_id = n.closed_run_id
from lifecycle_moved n
where p.posting_id = n.posting_id;
-- The change record (migration 016): `lifecycle` when only the end of the posting's
-- history moved (last_seen, closing; every live posting, daily), `first_seen` when its
-- first sighting did too (an older file loaded late).
insert into posting_changes
select posting_id, if(first_seen_moved, 'first_seen', 'lifecycle') from lifecycle_moved;
drop table lifecycle_moved;
drop table lifecycle_new;
-- The runs this lifecycle took in are settled now.
insert into lifecycle_runs
select run_id from (
    select distinct run_id from landing_files  -- (every sighting's run: lifecycle_new_runs.sql)
    union
    select run_id from crawl_runs
)
where run_id not in (select run_id from lifecycle_known_runs);
drop table lifecycle_known_runs
