-- What the boilerplate step reads of each posting now, and the employers (company_key)
-- whose postings moved since it last ran (boilerplate_postings): a posting added,
-- removed, re-extracted (content or extractor version), retitled or moved to another
-- employer makes its old and its new employer dirty.
create or replace temp table boilerplate_now as
select company_key, posting_id, hash(title, content_hash, extractor_version) as row_hash
from postings
where company_key is not null;

create or replace temp table boilerplate_dirty as
select n.company_key
from boilerplate_now n
left join boilerplate_postings o using (posting_id)
where o.posting_id is null or o.company_key <> n.company_key or o.row_hash <> n.row_hash
union
select o.company_key
from boilerplate_postings o
left join boilerplate_now n using (posting_id)
where n.posting_id is null or o.company_key <> n.company_key or o.row_hash <> n.row_hash
