-- Replace what is kept of the re-matched blocks by their new signatures, pairs and
-- clusters (dedupe_new_pairs, dedupe_new_members: this run's results).
delete from dedupe_blocks where company_key in (select company_key from dedupe_redo);
insert into dedupe_blocks
select company_key, signature, postings
from dedupe_signatures
where company_key in (select company_key from dedupe_redo);
delete from dedupe_pairs where company_key in (select company_key from dedupe_redo);
insert into dedupe_pairs select company_key, posting_a, posting_b, gap from dedupe_new_pairs;
delete from dedupe_members where company_key in (select company_key from dedupe_redo);
insert into dedupe_members
select company_key, posting_id, canonical_posting_id from dedupe_new_members
