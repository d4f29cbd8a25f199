-- The pay of every canonical job that states pay (skill_id null), and per skill the pay
-- of those jobs that ask for it; stats.py sorts and locates them. A job_skills row carries
-- its job's posting_facts pay (015_job_skills.sql), so the skill side needs no join back
-- to posting_facts (a join of every skill row cost ~0.3 s at a million postings).
select cast(null as varchar) as skill_id, list(pay_usd) as pays
from posting_facts
where pay_usd is not null
union all
select skill_id, list(pay_usd) as pays
from job_skills
where pay_usd is not null
group by skill_id
