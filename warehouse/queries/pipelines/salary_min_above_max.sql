-- Salary ranges whose lower end is above the upper end, in either salary table.
select 'postings' as "table", posting_id, salary_min as min, salary_max as max
from postings
where salary_min > salary_max or salary_min_annual_usd > salary_max_annual_usd
union all
select 'posting_salaries' as "table", posting_id, min, max
from posting_salaries
where min > max or min_annual_usd > max_annual_usd
order by 1, 2
