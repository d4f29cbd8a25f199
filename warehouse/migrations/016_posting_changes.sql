-- 016: the change record. Every statement that writes postings or their skills adds the
-- postings it wrote here, with its step (`changed_by`: extract, carry_over, lifecycle,
-- first_seen, dedupe, boilerplate; docs/data-model.md); the steps that keep state over
-- every posting (the views' fingerprints, the dedupe, the employer boilerplate) compare
-- only the recorded postings with what they kept, instead of every posting, and the
-- refresh empties the record once they have
-- (warehouse/sql/posting_changes_clear.sql). It is a table, not a refresh's temp table,
-- because DuckLake extraction partitions write postings in their own transactions before
-- the refresh that reads them. A posting is never deleted but to be loaded again in the
-- same statements (extract_delete_previous.sql), so the record needs no deletions.
create table posting_changes (
    posting_id varchar not null,
    changed_by varchar not null
);
