-- Annualised USD pay outside [$low, $high]: a unit or FX mistake, not a real salary.
select posting_id, salary_min_annual_usd, salary_max_annual_usd, salary_currency, salary_period
from postings
where salary_min_annual_usd not between $low and $high
   or salary_max_annual_usd not between $low and $high
order by posting_id
