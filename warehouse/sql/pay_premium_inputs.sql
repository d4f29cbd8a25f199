-- The pay of every canonical job that states pay (skill_id null), and per skill the pay
-- of those jobs that ask for it; stats.py sorts and locates them.
select cast(null as varchar) as skill_id, list(pay_usd) as pays
from posting_facts
where pay_usd is not null
union all
select js.skill_id, list(f.pay_usd) as pays
from job_skills js
join posting_facts f using (canonical_posting_id)
where f.pay_usd is not null
group by js.skill_id
