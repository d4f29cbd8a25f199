-- Replace the affected employers' flags by the new ones (bp_new, an Arrow table the step
-- registers), and record the fingerprints they were computed from.
delete from skill_boilerplate where company_key in (select company_key from bp_affected);
insert into skill_boilerplate by name
select posting_id, skill_id, company_key, sentence, sentence_jobs, employer_jobs, reason
from bp_new;
delete from skill_boilerplate_state where company_key in (select company_key from bp_affected);
insert into skill_boilerplate_state
select company_key, fp from bp_affected where fp is not null;
drop table temp.bp_fp;
drop table temp.bp_affected
