-- One row per (canonical job, skill family).
create or replace view posting_families as
select distinct cs.canonical_posting_id, c.role, k.family
from canonical_skills cs
join skills k using (skill_id)
join postings c on c.posting_id = cs.canonical_posting_id
where k.family is not null
