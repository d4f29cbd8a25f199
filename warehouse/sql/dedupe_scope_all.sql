-- Matching everything (nothing kept, or the rules changed): every candidate is compared
-- with what was kept, every kept pair's gap checked.
create or replace temp view dedupe_scope_rows as select * from dedupe_rows;
create or replace temp view dedupe_scope_kept as select * from dedupe_postings;
create or replace temp view dedupe_scope_pairs as select * from dedupe_pairs
