-- $1 the new extractor version: the postings extraction_carry_over_find.sql found take
-- it. Returns the rows carried over.
update postings
set extractor_version = $1
from carry_over c
where postings.posting_id = c.posting_id
