-- Some posting not loaded yet was sighted only by runs taken in already (an earlier
-- transaction ingested it and did not load it): every unloaded posting, from all of them.
create or replace temp table lifecycle_unloaded as
select posting_id from posting_latest
where posting_id not in (select posting_id from postings)
