drop table if exists extract_stage;
drop table if exists extract_previous
