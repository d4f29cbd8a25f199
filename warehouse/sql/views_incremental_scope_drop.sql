-- The scope views_incremental_scope_*.sql made, once the bases are updated or recorded.
drop view if exists temp.inc_scope_postings;
drop view if exists temp.inc_scope_skills;
drop view if exists temp.inc_scope_state;
drop table if exists temp.inc_scope;
drop table if exists temp.inc_history_end
