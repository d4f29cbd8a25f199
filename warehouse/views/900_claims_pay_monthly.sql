-- Claim 1 over time: per demand month, the share of paid postings whose range overlaps the
-- $175k-$300k band (ranges and scopes as in claims_paid_postings), everywhere and in the US.
create or replace view claims_pay_monthly as
select
    month,
    role,
    scope,
    count(*) as n_with_pay,
    count(*) filter (where lo <= 300000 and hi >= 175000) as n_overlap,
    count(*) filter (where lo <= 300000 and hi >= 175000) / count(*) as share_overlap,
    median(pay_usd) as median_pay_usd
from claims_paid_postings
group by month, role, scope
