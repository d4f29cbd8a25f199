-- Canonical jobs in each US state, with the median pay of those that state pay.
create or replace view state_pay as
select
    us_state,
    count(*) as postings,
    count(pay_usd) as n_with_pay,
    median(pay_usd) as median_pay_usd
from posting_facts
where us_state is not null
group by us_state
