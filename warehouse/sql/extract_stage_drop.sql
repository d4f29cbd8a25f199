drop table if exists extract_stage;
drop table if exists extract_salaries_stage;
drop table if exists extract_skills_stage;
drop table if exists extract_final;
drop table if exists extract_previous
