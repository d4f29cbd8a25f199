-- Helper: the skills of each canonical job (the union over its duplicates).
create or replace view canonical_skills as
select distinct p.canonical_posting_id, s.skill_id
from posting_skills s
join postings p using (posting_id)
