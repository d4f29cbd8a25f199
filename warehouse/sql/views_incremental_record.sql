-- After a full build of the bases: the fingerprints they were built from (inc_fp, just
-- made by views_incremental_fingerprints.sql) become the kept state, and the SQL hash
-- table is emptied for views_incremental_record_hash.sql.
create or replace table mat_posting_state as select * from inc_fp;
drop table temp.inc_fp;
create or replace table mat_views_state (sql_hash varchar);
