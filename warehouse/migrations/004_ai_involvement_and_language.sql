-- 004: two extracted fields on `postings`: how the job involves AI (builds / uses /
-- mentions / none, transforms/role.py) and the posting's language (ISO 639-1, py3langid).
-- Rows extracted before have nulls until the next extraction (the extractor version
-- changed, so the next refresh re-extracts them).
alter table postings add column ai_involvement varchar;
alter table postings add column language varchar;
