-- Claim 4, "employers struggling to hire": time open and reposting per role.
-- Time open = days_open of closed postings (first seen to closed); postings still open are
-- counted in n_postings but not in the percentiles.
-- A posting is a repost when the same company (case-insensitive) posted the same normalised
-- title (lower case, punctuation to spaces, spaces collapsed) and that earlier posting was
-- closed before this one was first seen.
create or replace view claims_hiring as
with keyed as (
    select
        role,
        days_open,
        closed_at,
        first_seen,
        lower(trim(company)) as company_key,
        trim(regexp_replace(lower(title), '[^a-z0-9]+', ' ', 'g')) as title_key
    from posting_facts
),
flagged as (
    select
        role,
        days_open,
        closed_at,
        min(closed_at) over (partition by company_key, title_key) < first_seen as is_repost
    from keyed
)
select
    role,
    count(*) as n_postings,
    count(closed_at) as n_closed,
    quantile_cont(days_open, 0.25) filter (where closed_at is not null) as p25_days_open,
    quantile_cont(days_open, 0.5) filter (where closed_at is not null) as median_days_open,
    quantile_cont(days_open, 0.75) filter (where closed_at is not null) as p75_days_open,
    count(*) filter (where is_repost) as n_reposted
from flagged
group by role
