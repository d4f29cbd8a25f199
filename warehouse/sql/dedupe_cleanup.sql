-- The dedupe's temp tables, once postings are up to date.
drop view if exists dedupe_rows;
drop table if exists dedupe_keys;
drop table if exists dedupe_links;
drop table if exists dedupe_candidate_titles;
drop table if exists dedupe_changed;
drop table if exists dedupe_gap_dirty;
drop table if exists dedupe_dirty;
drop table if exists dedupe_redo;
drop table if exists dedupe_changes
