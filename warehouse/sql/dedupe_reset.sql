-- Forget what the dedupe kept (its code or the source priorities changed, or a full
-- rebuild was asked for): the next statements match every block.
delete from dedupe_titles;
delete from dedupe_postings;
delete from dedupe_pairs;
delete from dedupe_members
