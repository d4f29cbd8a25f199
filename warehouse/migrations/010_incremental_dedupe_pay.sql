-- 010: what the dedupe and the pay premium keep between refreshes, so that a refresh
-- recomputes only what changed (warehouse/dedupe.py, warehouse/stats.py). Empty tables
-- mean "nothing kept": the next refresh computes everything, as before this migration.
--
-- normalize_title() of every title a dedupe candidate has (titles repeat a lot).
create table dedupe_titles (
    title varchar not null,
    norm varchar not null
);

-- Per candidate posting: its block (company_key, '' for none) and a hash of what the
-- matching reads of it except the end of its seen period (last_seen moves on every
-- sighting): posting_id, source, normalised title, country, city, period start.
create table dedupe_postings (
    company_key varchar not null,
    posting_id varchar not null,
    row_hash ubigint not null
);

-- Per block: every cross-source pair whose titles and places match, whatever their
-- dates, with the gap in days between their seen periods when last matched. A pair whose
-- gap moved (and is within the window before or after) makes its block match again.
create table dedupe_pairs (
    company_key varchar not null,
    posting_a varchar not null,
    posting_b varchar not null,
    gap integer not null
);

-- The clusters of two or more postings (what postings.canonical_posting_id holds), with
-- each member's block: a cluster spanning blocks (an archive link) ties them together.
create table dedupe_members (
    company_key varchar not null,
    posting_id varchar not null,
    canonical_posting_id varchar not null
);

-- Per step ('dedupe', 'pay premium'): a fingerprint of what its kept results were
-- computed with (its code, its settings, for the pay premium its input rows).
create table step_fingerprints (
    step varchar not null,
    fingerprint varchar not null
);
