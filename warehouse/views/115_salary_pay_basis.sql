-- Every stated range with its pay basis, so figures can keep base pay and on-target earnings
-- apart: the basis the source states (posting_salaries.pay_basis: Ashby's OTE tiers), and
-- only when it states none, the range's own words: `ote` when its text or label calls it
-- OTE / on-target earnings / a base-to-commission split ("OTE: £100,000" lines), else
-- `base`. `pay_basis_stated` says which of the two it is.
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
    coalesce(
        s.pay_basis,
        case
            when regexp_matches(
                coalesce(s.text, '') || ' ' || coalesce(s.label, ''),
                '(?i)(^|[^a-z])OTE([^a-z]|$)|on[- ]target|base[- ]to[- ]commission|base \+ commission'
            ) then 'ote'
            else 'base'
        end
    ) as pay_basis,
    s.pay_basis is not null as pay_basis_stated
from posting_salaries s
