-- The skills the kept pay premium table holds.
select count(*) from skill_pay_premium_stats
