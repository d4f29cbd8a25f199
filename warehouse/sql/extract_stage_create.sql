-- Extract output of one load_extractions call, staged chunk by chunk (temp tables:
-- in memory, never logged) and merged into the real tables once at the end.
create or replace temp table extract_stage (
    seq bigint, posting_id varchar, role varchar, role_evidence varchar, seniority varchar,
    remote varchar, city varchar, region varchar, country varchar, us_state varchar,
    world_region varchar, years_min double, years_max double, salary_min double,
    salary_max double, salary_currency varchar, salary_period varchar,
    salary_min_annual_usd double, salary_max_annual_usd double, salary_source varchar
);
create or replace temp table extract_salaries_stage (
    seq bigint, posting_id varchar, ordinal integer, min double, max double,
    currency varchar, period varchar, min_annual_usd double, max_annual_usd double,
    text varchar, label varchar, is_primary boolean
);
create or replace temp table extract_skills_stage (
    seq bigint, posting_id varchar, skill_id varchar, evidence varchar
)
;
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
