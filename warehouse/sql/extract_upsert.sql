-- The salaries and skills of the loaded postings (extract_insert_postings inserted the
-- postings themselves); seq numbers one staged record.
insert into posting_salaries by name
select b.* exclude (seq)
from extract_salaries_stage b
where b.seq in (select seq from extract_final);

insert into posting_skills by name
select b.* exclude (seq)
from extract_skills_stage b
where b.seq in (select seq from extract_final)
