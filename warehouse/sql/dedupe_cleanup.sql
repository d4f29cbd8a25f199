-- The dedupe's temp tables, once postings are up to date.
drop view if exists dedupe_rows;
drop table if exists dedupe_keys;
drop table if exists dedupe_links;
drop table if exists dedupe_candidate_titles;
drop table if exists dedupe_changed;
drop table if exists dedupe_gap_dirty;
drop table if exists dedupe_dirty;
drop table if exists dedupe_redo;
drop table if exists dedupe_changes;
drop view if exists dedupe_scope_rows;
drop view if exists dedupe_scope_kept;
drop view if exists dedupe_scope_pairs;
drop table if exists dedupe_scope_ids;
drop table if exists dedupe_scope_keys
