-- The boilerplate step's rules changed (its fingerprint moved): forget what it read, so
-- every employer is computed again.
delete from boilerplate_postings
