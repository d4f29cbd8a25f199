-- Every stated range with its pay basis, so figures can keep base pay and on-target earnings
-- apart: `ote` when the range's own text or label calls it OTE / on-target earnings /
-- a base-to-commission split (Ashby's OTE tiers, "OTE: £100,000" lines), else `base`.
create or replace view salary_pay_basis as
select
    s.posting_id,
    s.ordinal,
    s.is_primary,
    s.min,
    s.max,
    s.currency,
    s.period,
    s.min_annual_usd,
    s.max_annual_usd,
    s.label,
    s.text,
    case
        when regexp_matches(
            coalesce(s.text, '') || ' ' || coalesce(s.label, ''),
            '(?i)(^|[^a-z])OTE([^a-z]|$)|on[- ]target|base[- ]to[- ]commission|base \+ commission'
        ) then 'ote'
        else 'base'
    end as pay_basis
from posting_salaries s
