-- The candidates that came, went or changed what the matching reads of them (not the
-- end of their seen period: the gaps are checked in dedupe_dirty.sql), against what
-- dedupe_postings kept; old_key null: a new candidate, new_key null: gone. Of the
-- candidates in scope (dedupe_scope_*.sql).
create or replace temp table dedupe_changed as
with now as (
    select
        r.posting_id,
        r.company_key,
        hash(r.posting_id, r.source, t.norm, r.country, r.city, r.start_day) as row_hash
    from dedupe_scope_rows r
    join dedupe_titles t using (title)
)
select
    coalesce(n.posting_id, o.posting_id) as posting_id,
    n.company_key as new_key,
    o.company_key as old_key,
    n.row_hash
from now n
full join dedupe_scope_kept o using (posting_id)
where n.row_hash is distinct from o.row_hash or n.company_key is distinct from o.company_key
