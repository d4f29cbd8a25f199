-- 007: what a posting says about its own end, and why a posting closed.
-- raw_postings.valid_through: the landed `valid_through` (schema.org validThrough, the day
-- the page says the posting closes; the archive source fills it), per content version.
-- postings.closed_by: why closed_at is set: `board_crawl` (a complete crawl of the posting's
-- board did not see it), `board_gone` (its board answered 404 twice) or `valid_through`
-- (an archive posting that nothing saw after its validThrough); null while open.
-- postings.closed_run_id: the crawl run that closed it (null for `valid_through`).
-- Columns are documented in docs/data-model.md.
alter table raw_postings add column valid_through timestamp;
alter table postings add column closed_by varchar;
alter table postings add column closed_run_id varchar;
