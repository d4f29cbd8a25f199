-- first_seen / last_seen: the first and last crawl dates a posting was seen on.
-- closed_at: the date of the first crawl after last_seen that crawled the posting's board
-- completely (its board is in that run's boards_ok) and did not see it. A posting seen
-- again later gets a later last_seen, so its closed_at goes back to null: reopened.
-- A board that answered 404 twice in a row (failed crawls aside) is gone: its postings
-- close on the date of the second 404.
create or replace temp table lifecycle_new as
with seen as (
    select
        posting_id,
        any_value(source) as source,
        max_by(board, (crawl_date, fetched_at, run_id)) as board,
        min(crawl_date) as first_seen,
        max(crawl_date) as last_seen
    from posting_sightings
    group by posting_id
),
answers as (
    select source, board, crawl_date, finished_at, run_id, true as ok
    from (select source, crawl_date, finished_at, run_id, unnest(boards_ok) as board
          from crawl_runs)
    union all
    select source, board, crawl_date, finished_at, run_id, false
    from (select source, crawl_date, finished_at, run_id, unnest(boards_not_found) as board
          from crawl_runs)
),
gone as (
    -- every 404 that follows a 404: from then on the board is gone
    select source, board, crawl_date
    from (
        select *, lag(ok) over (
            partition by source, board order by crawl_date, finished_at, run_id
        ) as previous_ok
        from answers
    )
    where not ok and previous_ok = false
),
complete_crawls as (
    select distinct source, board, crawl_date from answers where ok
    union
    select source, board, crawl_date from gone
)
select s.posting_id, s.first_seen, s.last_seen, c.crawl_date as closed_at
from seen s
asof left join complete_crawls c
    on s.source = c.source and s.board = c.board and s.last_seen < c.crawl_date
