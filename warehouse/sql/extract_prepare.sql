-- What the extract load SQL needs besides the spooled output (`extract_output`) and the
-- lifecycle computed before it (`lifecycle_new`, warehouse/lifecycle.py compute_lifecycle):
-- a salary counts when any of its fields is set (an empty object is no salary).
create or replace temp macro salary_given(s) as
    coalesce(s.min, s.max, s.min_annual_usd, s.max_annual_usd) is not null
    or coalesce(s.currency, s.period, s.text, s.label) is not null
    or s.is_primary is not null
