-- History from web archives, one row per month that has archive captures. Archive coverage
-- changes from month to month (which crawls ran, which boards they reached), so read the
-- shares, not the counts: core_share is the share of that month's archived jobs whose role
-- is `core` (adjacent_share: `adjacent`), each with its 95% Wilson score interval
-- (z = 1.96), which stays inside [0, 1] and widens where a month has few postings.
-- captures: archive sightings that month (one capture of one posting by one archive);
-- postings: distinct canonical jobs those captures show (a job captured by both archives,
-- or in several crawls of the month, counts once; a job also seen live is the live job).
create or replace view archive_monthly as
with monthly as (
    select
        cast(date_trunc('month', s.crawl_date) as date) as month,
        count(*) as captures,
        count(distinct coalesce(p.canonical_posting_id, s.posting_id)) as postings
    from posting_sightings s
    left join postings p using (posting_id)
    where s.source = 'archive'
    group by 1
),
jobs as (
    select distinct
        cast(date_trunc('month', s.crawl_date) as date) as month,
        coalesce(p.canonical_posting_id, s.posting_id) as job
    from posting_sightings s
    left join postings p using (posting_id)
    where s.source = 'archive'
),
roles as (
    select
        j.month,
        count(*) filter (where f.role = 'core') as core,
        count(*) filter (where f.role = 'adjacent') as adjacent
    from jobs j
    left join posting_facts f on f.canonical_posting_id = j.job
    group by j.month
),
shares as (
    select
        m.month,
        m.captures,
        m.postings,
        coalesce(r.core, 0) as core,
        coalesce(r.adjacent, 0) as adjacent,
        coalesce(r.core, 0) / m.postings as p_core,
        coalesce(r.adjacent, 0) / m.postings as p_adj,
        m.postings::double as n
    from monthly m
    left join roles r using (month)
),
wilson as (
    -- centre and half-width of the Wilson interval, z = 1.96
    select
        *,
        (p_core + 1.96 ^ 2 / (2 * n)) / (1 + 1.96 ^ 2 / n) as c_core,
        1.96 * sqrt(p_core * (1 - p_core) / n + 1.96 ^ 2 / (4 * n * n)) / (1 + 1.96 ^ 2 / n)
            as h_core,
        (p_adj + 1.96 ^ 2 / (2 * n)) / (1 + 1.96 ^ 2 / n) as c_adj,
        1.96 * sqrt(p_adj * (1 - p_adj) / n + 1.96 ^ 2 / (4 * n * n)) / (1 + 1.96 ^ 2 / n)
            as h_adj
    from shares
)
-- Rounded to 12 places: a share of 0 or 1 has a bound of exactly 0 or 1, not 1e-17.
select
    month,
    captures,
    postings,
    core,
    adjacent,
    p_core as core_share,
    round(greatest(0.0, c_core - h_core), 12) as core_share_lo,
    round(least(1.0, c_core + h_core), 12) as core_share_hi,
    p_adj as adjacent_share,
    round(greatest(0.0, c_adj - h_adj), 12) as adjacent_share_lo,
    round(least(1.0, c_adj + h_adj), 12) as adjacent_share_hi
from wilson
order by month
