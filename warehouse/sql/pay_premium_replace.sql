delete from skill_pay_premium_stats;
insert into skill_pay_premium_stats by name
select b.*, coalesce(k.name, b.skill_id) as skill_name
from pay_premium_batch b
left join skills k using (skill_id)
