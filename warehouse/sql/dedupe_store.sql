-- Keep each changed candidate's new hash (a gone one is forgotten), and replace the pairs
-- and clusters of the re-matched blocks (dedupe_new_pairs, dedupe_new_members: this
-- run's results; dedupe_redo now holds the re-matched blocks only).
delete from dedupe_postings where posting_id in (select posting_id from dedupe_changed);
insert into dedupe_postings
select new_key, posting_id, row_hash from dedupe_changed where new_key is not null;
delete from dedupe_pairs where company_key in (select company_key from dedupe_redo);
insert into dedupe_pairs select company_key, posting_a, posting_b, gap from dedupe_new_pairs;
delete from dedupe_members where company_key in (select company_key from dedupe_redo);
insert into dedupe_members
select company_key, posting_id, canonical_posting_id from dedupe_new_members
