create or replace temp table dedupe_map as
select posting_id, canonical_posting_id from dedupe_batch
