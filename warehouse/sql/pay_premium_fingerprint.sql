-- An order-free fingerprint of the rows pay_premium_inputs.sql aggregates (the pay of
-- every paid canonical job, and of those with each skill) and of the skill names the
-- table carries: the same fingerprint, the same table (warehouse/stats.py).
with paid as (
    select cast(null as varchar) as skill_id, pay_usd
    from posting_facts
    where pay_usd is not null
    union all
    select js.skill_id, f.pay_usd
    from job_skills js
    join posting_facts f using (canonical_posting_id)
    where f.pay_usd is not null
)
select
    (select count(*) from paid),
    (select cast(coalesce(sum(hash(skill_id, pay_usd)), 0) as varchar) from paid),
    (select count(*) from skills),
    (select cast(coalesce(sum(hash(skill_id, name)), 0) as varchar) from skills)
