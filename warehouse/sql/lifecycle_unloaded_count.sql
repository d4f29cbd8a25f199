-- Postings not loaded yet, in all (every posting comes from posting_latest, so the
-- difference of the counts), and among those the new runs sighted.
select
    (select count(*) from posting_latest) - (select count(*) from postings) as unloaded,
    (select count(*) from lifecycle_unloaded) as sighted_now
