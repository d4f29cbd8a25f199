-- first_seen / last_seen: the first and last crawl dates a posting was seen on.
-- closed_at: the date of the first crawl after last_seen that crawled the posting's board
-- completely (its board is in that run's boards_ok) and did not see it. A posting seen
-- again later gets a later last_seen, so its closed_at goes back to null: reopened.
-- A board that answered 404 twice in a row (failed crawls aside) is gone: its postings
-- close on the date of the second 404.
-- closed_by says which (`board_crawl`, `board_gone`), closed_run_id names the run.
--
-- Archive postings (`archive:<ats>:<id>`, web-archive captures; crawl dates are capture
-- dates) keep first_seen/last_seen from their own captures. A capture proves the job was
-- open then, and so does a sighting of its live posting `<ats>:<id>`; after the last of
-- those ("seen until"), an archive posting closes only on evidence:
--   `valid_through`: the validThrough of its latest captured version, when that day is on
--     or after "seen until" and some crawl or capture in the warehouse is later than it;
--   `board_crawl` / `board_gone`: the first later complete crawl of its board by the live
--     `<ats>` source that did not see the job (or the board's second 404); not for
--     Workday, whose archive and live ids differ.
-- Archive landing files list no complete boards (a capture of one job page says nothing
-- about its board's other jobs), so a month of captures without the job closes nothing:
-- gaps in the archives never close a posting.
--
-- Scope: only postings whose lifecycle the runs not taken in yet can change (lifecycle_known_runs
-- lists the runs taken in, from lifecycle_runs; the other postings keep theirs, and a posting
-- loaded now without a new one keeps its previous one, extract_insert_postings.sql):
-- postings sighted by a new run; postings not loaded yet; open postings, and postings closed
-- on or after the first new crawl date, of the boards a new run answered (crawled completely
-- or 404: a new run can only add or remove closing evidence of those boards, on its own
-- date or later: a 404 changes the "gone" status of later 404s only); archive postings when
-- there is a new run (their closing reads the latest crawl date of all). A posting of a
-- board no new run answered, or closed before every new run, with no new sighting, keeps
-- its dates: so a refresh with nothing new computes no lifecycle, and one that crawled a
-- few boards computes theirs.
--
-- `seen`: a posting's source, latest board and version come from posting_latest (the ingest
-- keeps there the latest sighting of each posting, by crawl date, fetch time, run id), and
-- so do its first and last crawl dates (first_seen, and the latest sighting's crawl_date):
-- posting_sightings, which grows by every crawl, is not read here.
create or replace temp table lifecycle_new as
with new_runs as (select * from lifecycle_new_runs),
new_sightings as (select * from lifecycle_new_sightings),
new_boards as (
    select distinct source, unnest(list_concat(boards_ok, boards_not_found)) as board
    from crawl_runs
    where run_id in (select run_id from new_runs)
),
scope as (
    select posting_id from new_sightings
    union
    select l.posting_id
    from (
        select posting_id from postings
        where closed_at is null or closed_at >= (select min(crawl_date) from new_runs)
    ) live
    join posting_latest l using (posting_id)
    semi join new_boards b on b.source = l.source and b.board = l.board
    union
    select posting_id from postings
    where source = 'archive' and exists (select 1 from new_runs)
    union
    -- Postings this refresh inserts for the first time take their lifecycle from here,
    -- whichever run saw them (one ingested by `promptjobs boards discover` included).
    select posting_id from lifecycle_unloaded
),
seen as (
    select l.posting_id, l.source, l.board, l.content_hash, l.first_seen, l.crawl_date as last_seen
    from posting_latest l
    semi join scope s on s.posting_id = l.posting_id
),
-- The boards whose crawl history can close a posting of `seen` (a live posting's own; an
-- archive posting's board on its live source), each with `since`, the earliest last
-- sighting among those postings: only the board's answers after it can close one (the
-- first complete crawl after a posting's last sighting does). So a refresh reads the crawl
-- history from about its previous crawl on, not every crawl ever: crawl_runs grows by
-- every run (with 88 weeks of history at a million postings, the lag, grouping and as-of
-- join over every answer of the boards took about 2 s of a daily refresh's lifecycle;
-- benchmarks/long_history.py).
boards_needed as (
    select source, board, min(last_seen) as since
    from (
        select source, board, last_seen from seen where source <> 'archive'
        union all
        select split_part(substr(posting_id, length('archive:') + 1), ':', 1), board, last_seen
        from seen where source = 'archive'
    )
    group by source, board
),
-- Every board answer (a complete crawl: ok, or a 404) of the runs after the earliest `since`,
-- of the boards needed, after their own `since`.
recent as (
    select a.source, a.board, a.crawl_date, a.finished_at, a.run_id, a.ok
    from (
        select source, crawl_date, finished_at, run_id, unnest(boards_ok) as board, true as ok
        from crawl_runs where crawl_date > (select min(since) from boards_needed)
        union all
        select source, crawl_date, finished_at, run_id, unnest(boards_not_found), false
        from crawl_runs where crawl_date > (select min(since) from boards_needed)
    ) a
    join boards_needed n on n.source = a.source and n.board = a.board and a.crawl_date > n.since
),
-- A 404 closes as `board_gone` when the board's answer before it was a 404 too (`gone`). A
-- board whose first recent answer is a 404 needs the answer before that, which is older:
-- those boards (boards that disappear: few on a day) get their earlier answers as well,
-- from every run. The others' first recent answer is a complete crawl, which no earlier
-- answer changes.
earlier_needed as (
    select r.source, r.board, n.since
    from (
        select source, board, ok, row_number() over (
            partition by source, board order by crawl_date, finished_at, run_id
        ) as nth
        from recent
    ) r
    join boards_needed n using (source, board)
    where r.nth = 1 and not r.ok
),
earlier as (
    select a.source, a.board, a.crawl_date, a.finished_at, a.run_id, a.ok
    from (
        select source, crawl_date, finished_at, run_id, unnest(boards_ok) as board, true as ok
        from crawl_runs where exists (select 1 from earlier_needed)
        union all
        select source, crawl_date, finished_at, run_id, unnest(boards_not_found), false
        from crawl_runs where exists (select 1 from earlier_needed)
    ) a
    join earlier_needed e on e.source = a.source and e.board = a.board and a.crawl_date <= e.since
),
answers as (
    select * from recent
    union all
    select * from earlier
),
gone as (
    -- every 404 that follows a 404: from then on the board is gone
    select source, board, crawl_date, run_id
    from (
        select *, lag(ok) over (
            partition by source, board order by crawl_date, finished_at, run_id
        ) as previous_ok
        from answers
    )
    where not ok and previous_ok = false
),
complete_crawls as (
    -- one row per board and day; a complete crawl that day is the evidence before a 404
    select
        source,
        board,
        crawl_date,
        if(bool_or(kind = 'board_crawl'), 'board_crawl', 'board_gone') as why,
        min(run_id) filter (where kind = 'board_crawl') as crawl_run,
        min(run_id) as any_run
    from (
        select source, board, crawl_date, run_id, 'board_crawl' as kind from answers where ok
        union all
        select source, board, crawl_date, run_id, 'board_gone' from gone
    )
    group by source, board, crawl_date
),
live as (
    select
        s.posting_id, s.first_seen, s.last_seen, c.crawl_date as closed_at,
        c.why as closed_by, coalesce(c.crawl_run, c.any_run) as closed_run_id
    from seen s
    asof left join complete_crawls c
        on s.source = c.source and s.board = c.board and s.last_seen < c.crawl_date
    where s.source <> 'archive'
),
archived as (
    select
        a.posting_id,
        a.first_seen,
        a.last_seen,
        a.board,
        split_part(substr(a.posting_id, length('archive:') + 1), ':', 1) as ats,
        greatest(a.last_seen, coalesce(l.last_seen, a.last_seen)) as seen_until,
        cast(r.valid_through as date) as valid_through
    from seen a
    left join seen l on l.posting_id = substr(a.posting_id, length('archive:') + 1)
    left join raw_postings r
        on r.posting_id = a.posting_id and r.content_hash = a.content_hash
    where a.source = 'archive'
),
archived_board as (
    select
        a.*,
        c.crawl_date as board_closed,
        c.why,
        coalesce(c.crawl_run, c.any_run) as run_id,
        a.valid_through >= a.seen_until
            and a.valid_through < (select max(crawl_date) from crawl_runs) as expired
    from archived a
    asof left join complete_crawls c
        -- Workday: the archive id is the requisition id of the job URL, the live source's
        -- id is Workday's internal one, so no live sighting is matched to the archive
        -- posting and a live crawl's absence proves nothing: only validThrough closes it.
        on c.source = a.ats and c.board = a.board and a.seen_until < c.crawl_date
        and a.ats <> 'workday'
)
select posting_id, first_seen, last_seen, closed_at, closed_by, closed_run_id from live
union all by name
select
    posting_id,
    first_seen,
    last_seen,
    if(by_date, valid_through, board_closed) as closed_at,
    if(by_date, 'valid_through', why) as closed_by,
    if(by_date, null, run_id) as closed_run_id
from (
    select
        *,
        coalesce(expired, false)
            and (board_closed is null or valid_through <= board_closed) as by_date
    from archived_board
)
