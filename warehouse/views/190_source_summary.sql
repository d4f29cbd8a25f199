-- Per source (not deduplicated): postings, seen period, the attribution link its terms require,
-- and for an ATS family its board frame: registry boards, boards discovery found and checked
-- (valid), still to check, invalid, gone, and the postings of discovered boards.
create or replace view source_summary as
with attribution as (
    select source, min(attribution_url) as attribution_url
    from raw_postings
    where attribution_url is not null
    group by source
),
frame as (
    select
        ats as source,
        count(*) filter (where status = 'registry') as boards_registry,
        count(*) filter (where status = 'valid' and not in_registry) as boards_discovered,
        count(*) filter (where status = 'candidate') as boards_candidate,
        count(*) filter (where status = 'invalid') as boards_invalid,
        count(*) filter (where status = 'gone') as boards_gone,
        list(board_key) filter (where not in_registry and status in ('valid', 'gone'))
            as discovered_keys
    from boards
    group by ats
)
select
    p.source,
    count(*) as postings,
    min(p.first_seen) as first_seen,
    max(p.last_seen) as last_seen,
    any_value(a.attribution_url) as attribution_url,
    coalesce(any_value(f.boards_registry), 0) as boards_registry,
    coalesce(any_value(f.boards_discovered), 0) as boards_discovered,
    coalesce(any_value(f.boards_candidate), 0) as boards_candidate,
    coalesce(any_value(f.boards_invalid), 0) as boards_invalid,
    coalesce(any_value(f.boards_gone), 0) as boards_gone,
    count(*) filter (
        where list_contains(coalesce(f.discovered_keys, []), lower(p.board))
    ) as postings_from_discovered
from postings p
left join attribution a using (source)
left join frame f using (source)
group by p.source
