-- The sampling frame, per ATS family and board status: how many boards, how many of them
-- discovery found (not in the registry file), when it first and last found one, and how many
-- postings (and open postings) those boards gave. A board list is not a random sample of
-- employers: reports state this frame next to every share.
create or replace view board_frame as
with posting_boards as (
    select
        source,
        lower(board) as board_key,
        count(*) as postings,
        count(*) filter (where closed_at is null) as open_postings
    from postings
    group by source, lower(board)
)
select
    b.ats,
    b.status,
    count(*) as boards,
    count(*) filter (where not b.in_registry) as discovered,
    min(b.first_seen) filter (where not b.in_registry) as first_discovered,
    max(b.first_seen) filter (where not b.in_registry) as last_discovered,
    coalesce(sum(pb.postings), 0) as postings,
    coalesce(sum(pb.open_postings), 0) as open_postings
from boards b
left join posting_boards pb on pb.source = b.ats and pb.board_key = b.board_key
group by b.ats, b.status
