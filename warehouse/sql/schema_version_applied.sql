-- Every applied migration's version (apply_migrations applies the others, so a
-- lower-numbered migration merged after a higher one was applied is not skipped).
select version from schema_version
