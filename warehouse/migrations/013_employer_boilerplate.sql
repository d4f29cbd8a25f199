-- 013: an employer's own boilerplate, found as the sentences it repeats on its postings
-- (warehouse/boilerplate.py). Columns are documented in docs/data-model.md.
-- posting_skills.sentence_keys: the keys (transforms.sections.sentence_key) of every
-- sentence the skill was read in ('' for a sentence too short to have one); rows loaded
-- before this migration have null until their next extraction (the extractor version
-- changed, so the next refresh re-extracts them).
-- posting_skills.boilerplate: true when every one of those sentences is one of the
-- employer's boilerplate sentences; the views do not count such a row (the row and its
-- evidence stay). Null otherwise.
alter table posting_skills add column sentence_keys varchar[];
alter table posting_skills add column boilerplate boolean;
-- postings.outside_sentence_keys: the keys of the sentences outside the job's sections
-- (company blurb, benefits, legal...) that name a skill (extraction record
-- `outside_sentence_keys`): an employer's paragraph that the sections catch on one
-- posting and not on another counts on both.
alter table postings add column outside_sentence_keys varchar[];

-- Per employer (company_key): the sentences on at least MIN_POSTINGS of its postings,
-- across MIN_TITLES distinct titles, on at least MIN_SHARE of its postings.
create table employer_boilerplate (
    company_key varchar not null,
    sentence_key varchar not null,
    postings bigint not null,
    titles bigint not null,
    share double not null
);

-- What the boilerplate step last read of each posting (its employer and a hash of its
-- title and extraction): an employer is computed again only when one of its rows moves.
create table boilerplate_postings (
    company_key varchar not null,
    posting_id varchar not null,
    row_hash ubigint not null
);
