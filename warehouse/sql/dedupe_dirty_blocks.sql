-- The blocks (employers) to look at again, and whether they only gained candidates
-- (dedupe_dirty, just built by dedupe_dirty.sql).
select company_key, only_added from dedupe_dirty
