-- New (posting, board) links found by the scan (registered as `found_links`); then new
-- boards become candidates, and every board's found_count is recounted.
insert into board_links
select distinct f.posting_id, f.ats, f.board_key, f.crawl_date
from found_links f
where not exists (
    select 1 from board_links l
    where l.posting_id = f.posting_id and l.ats = f.ats and l.board_key = f.board_key
);

-- An anti-join, not ON CONFLICT: DuckLake tables have no key to conflict on.
insert into boards (
    ats, board_key, token, site, board, status, in_registry,
    found_in_posting_id, found_count, first_seen, not_found_streak
)
select
    ats, board_key, any_value(token), any_value(site), any_value(board), 'candidate', false,
    arg_min(posting_id, (crawl_date, posting_id)), 0, min(crawl_date), 0
from found_links f
where not exists (
    select 1 from boards b where b.ats = f.ats and b.board_key = f.board_key
)
group by ats, board_key;

update boards set
    found_count = c.n,
    found_in_posting_id = coalesce(boards.found_in_posting_id, c.first_posting)
from (
    select ats, board_key, count(distinct posting_id) as n,
           arg_min(posting_id, (crawl_date, posting_id)) as first_posting
    from board_links group by ats, board_key
) c
where c.ats = boards.ats and c.board_key = boards.board_key;
