insert into extract_stage by name select * from extract_batch;
insert into extract_salaries_stage by name select * from salary_batch;
insert into extract_skills_stage by name select * from skill_batch
