-- Skills per family (the skills asset's preview).
select coalesce(family, 'None') as family, count(*) as skills
from skills
group by all
order by family
