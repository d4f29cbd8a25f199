-- Claim 3, "two to three years of experience": the years a posting requires, i.e. years_min
-- (years_max when only an upper figure is stated), in whole years; 10 stands for 10 or more.
-- years = null counts the postings that state no years.
create or replace view claims_experience as
select
    role,
    -- least() skips nulls, so keep "no years stated" null explicitly
    case
        when coalesce(years_min, years_max) is not null
            then least(floor(coalesce(years_min, years_max)), 10)::integer
    end as years,
    count(*) as postings
from posting_facts
where role in ('core', 'adjacent', 'other')
group by all
