-- Claim 1, "US pay of $175k-$300k": where each stated annual-USD range lies against the band.
-- Ranges and scopes as in claims_paid_postings. overlap: lo <= 300k and
-- hi >= 175k; inside: lo >= 175k and hi <= 300k (a subset of overlap); above: lo > 300k;
-- below: hi < 175k. overlap + above + below = n_with_pay.
-- seniority 'all' = every seniority; 'unspecified' = no seniority stated.
create or replace view claims_pay as
select
    role,
    scope,
    case when grouping(seniority) = 1 then 'all' else seniority end as seniority,
    count(*) as n_with_pay,
    count(*) filter (where lo <= 300000 and hi >= 175000) as n_overlap,
    count(*) filter (where lo >= 175000 and hi <= 300000) as n_inside,
    count(*) filter (where lo > 300000) as n_above,
    count(*) filter (where hi < 175000) as n_below,
    quantile_cont(pay_usd, 0.1) as p10,
    quantile_cont(pay_usd, 0.25) as p25,
    quantile_cont(pay_usd, 0.5) as p50,
    quantile_cont(pay_usd, 0.75) as p75,
    quantile_cont(pay_usd, 0.9) as p90
from claims_paid_postings
group by grouping sets ((role, scope), (role, scope, seniority))
