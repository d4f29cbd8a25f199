-- The five most asked-for skills across all roles.
select skill_name, share
from skill_demand
where role = 'all'
order by postings desc, skill_id
limit 5
