-- The blocks this run matches again (dedupe_redo_batch: the dirty ones and their ties).
create or replace temp table dedupe_redo as select company_key from dedupe_redo_batch
