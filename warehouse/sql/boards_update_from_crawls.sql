-- What the crawls said about each known board: when it was last checked and last answered,
-- how many postings its last complete crawl saw, and how many times in a row it answered
-- 404 since (a failed crawl neither breaks nor extends the run). Two 404s in a row: gone.
-- A gone board that answers again is back (registry, or valid).
create or replace temp table board_outcomes as
with outcomes as (
    select source as ats, board, crawl_date, finished_at, run_id, 'ok' as outcome
    from (select source, crawl_date, finished_at, run_id, unnest(boards_ok) as board from crawl_runs)
    union all
    select source, board, crawl_date, finished_at, run_id, 'not_found'
    from (select source, crawl_date, finished_at, run_id, unnest(boards_not_found) as board
          from crawl_runs)
    union all
    select source, board, crawl_date, finished_at, run_id, 'failed'
    from (select source, crawl_date, finished_at, run_id, unnest(boards_failed) as board
          from crawl_runs)
),
ordered as (
    select *, row_number() over (
        partition by ats, lower(board) order by crawl_date, finished_at, run_id
    ) as ord
    from outcomes
),
per_board as (
    select
        ats,
        lower(board) as board_key,
        min(crawl_date) as first_crawled,
        max(finished_at) as last_checked,
        max(crawl_date) filter (where outcome = 'ok') as last_ok,
        max(ord) filter (where outcome = 'ok') as last_ok_ord,
        arg_max(run_id, ord) filter (where outcome = 'ok') as last_ok_run
    from ordered
    group by ats, lower(board)
)
select
    p.*,
    (
        select count(*) from ordered o
        where o.ats = p.ats and lower(o.board) = p.board_key and o.outcome = 'not_found'
            and o.ord > coalesce(p.last_ok_ord, 0)
    ) as not_found_streak,
    (
        select count(distinct s.posting_id) from posting_sightings s
        where s.run_id = p.last_ok_run and s.source = p.ats and lower(s.board) = p.board_key
    ) as postings_last_crawl
from per_board p;

update boards set
    first_seen = coalesce(boards.first_seen, o.first_crawled),
    last_checked = greatest(boards.last_checked, o.last_checked),
    last_ok = o.last_ok,
    postings_last_crawl = case when o.last_ok_run is null then boards.postings_last_crawl
                               else o.postings_last_crawl end,
    not_found_streak = o.not_found_streak,
    status = case
        when o.not_found_streak >= 2 then 'gone'
        when boards.status = 'gone' and o.not_found_streak = 0 and o.last_ok is not null
            then case when boards.in_registry then 'registry' else 'valid' end
        when boards.status in ('candidate', 'invalid') and o.last_ok is not null
            then case when boards.in_registry then 'registry' else 'valid' end
        else boards.status
    end
from board_outcomes o
where o.ats = boards.ats and o.board_key = boards.board_key;

drop table board_outcomes;
