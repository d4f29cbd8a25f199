-- first_seen / last_seen: the first and last crawl dates a posting was seen on.
-- closed_at: the date of the first crawl after last_seen that crawled the posting's board
-- completely (its board is in that run's boards_ok) and did not see it. A posting seen
-- again later gets a later last_seen, so its closed_at goes back to null: reopened.
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
complete_crawls as (
    select distinct source, board, crawl_date
    from (select source, crawl_date, unnest(boards_ok) as board from crawl_runs)
)
select s.posting_id, s.first_seen, s.last_seen, c.crawl_date as closed_at
from seen s
asof left join complete_crawls c
    on s.source = c.source and s.board = c.board and s.last_seen < c.crawl_date
