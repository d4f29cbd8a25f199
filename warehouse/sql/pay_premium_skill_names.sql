-- The skill names skill_pay_premium_stats carries (part of its inputs' fingerprint).
select skill_id, name from skills order by skill_id
