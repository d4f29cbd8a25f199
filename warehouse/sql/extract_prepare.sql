-- What the extract load SQL needs besides the spooled output (`extract_output`).
-- The lifecycle the inserted postings take (warehouse/lifecycle.py); empty when the
-- caller has not computed it, then they keep their previous values.
create temp table if not exists lifecycle_new (
    posting_id varchar, first_seen date, last_seen date, closed_at date
);
-- A salary counts when any of its fields is set (an empty object is no salary).
create or replace temp macro salary_given(s) as
    coalesce(s.min, s.max, s.min_annual_usd, s.max_annual_usd) is not null
    or coalesce(s.currency, s.period, s.text, s.label) is not null
    or s.is_primary is not null
