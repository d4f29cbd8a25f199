-- The blocks whose candidates changed (dedupe_changed.sql) or whose gaps moved
-- (dedupe_dirty.sql); `only_added`: the block's only change is new candidates, none of
-- them archive-linked (if none of them makes a pair either, the block's clusters stand).
create or replace temp table dedupe_dirty as
with keys as (
    select new_key as company_key, old_key is null as added, posting_id
    from dedupe_changed
    where new_key is not null
    union all
    select old_key, false, posting_id from dedupe_changed where old_key is not null
    union all
    select company_key, false, null from dedupe_gap_dirty
)
select
    company_key,
    bool_and(
        added
        and posting_id not in (select archive_id from dedupe_links)
        and posting_id not in (select live_id from dedupe_links)
    ) as only_added
from keys
group by company_key
