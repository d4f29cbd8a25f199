-- What the boilerplate step reads of each posting now, the postings whose reading moved
-- since it last ran (boilerplate_postings: added, removed, re-extracted for content or
-- extractor version, retitled or moved to another employer), and their old and new
-- employers (company_key), which are computed again. Of the postings in scope
-- (boilerplate_scope_*.sql: every posting, or those the change record names).
create or replace temp table boilerplate_now as
select company_key, posting_id, hash(title, content_hash, extractor_version) as row_hash
from boilerplate_read
where company_key is not null;

-- One full join (not two anti-joins) over what was read and what is there now: a daily
-- refresh moves a few percent of the rows, so only those are kept.
create or replace temp table boilerplate_changed as
select
    coalesce(n.posting_id, o.posting_id) as posting_id,
    n.company_key,
    n.row_hash,
    o.company_key as old_company_key
from boilerplate_now n
full join boilerplate_kept o on o.posting_id = n.posting_id
where n.posting_id is null or o.posting_id is null
    or o.company_key <> n.company_key or o.row_hash <> n.row_hash;

create or replace temp table boilerplate_dirty as
select company_key from boilerplate_changed where company_key is not null
union
select old_company_key from boilerplate_changed where old_company_key is not null
