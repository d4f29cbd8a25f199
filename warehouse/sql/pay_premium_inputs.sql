-- Canonical jobs that state pay, with their skills, sorted by pay.
select f.pay_usd, list(js.skill_id) filter (where js.skill_id is not null) as skill_ids
from posting_facts f
left join job_skills js using (canonical_posting_id)
where f.pay_usd is not null
group by f.canonical_posting_id, f.pay_usd
order by f.pay_usd, f.canonical_posting_id
