-- Skill ids in posting_skills that the skills table does not know.
select ps.skill_id, count(*) as postings
from posting_skills as ps
where not exists (select 1 from skills as s where s.skill_id = ps.skill_id)
group by ps.skill_id
order by postings desc, ps.skill_id
