drop view if exists extract_output;
drop table if exists extract_final;
drop table if exists extract_previous
