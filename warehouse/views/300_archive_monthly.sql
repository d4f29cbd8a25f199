-- History from web archives, one row per month that has archive captures. Archive coverage
-- changes from month to month (which crawls ran, which boards they reached), so read the
-- shares, not the counts: core_share is the share of that month's archived jobs whose role
-- is `core` (adjacent_share: `adjacent`), each with its 95% Wilson score interval
-- (z = 1.96; rounding kept inside [0, 1]) and widens where a month has few postings.
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
        1.96 * 1.96 as z2,
        m.postings::double as n
    from monthly m
    left join roles r using (month)
)
select
    month,
    captures,
    postings,
    core,
    adjacent,
    p_core as core_share,
    greatest(0.0, (p_core + z2 / (2 * n) - sqrt(z2) * sqrt(p_core * (1 - p_core) / n + z2 / (4 * n * n)))
        / (1 + z2 / n)) as core_share_lo,
    least(1.0, (p_core + z2 / (2 * n) + sqrt(z2) * sqrt(p_core * (1 - p_core) / n + z2 / (4 * n * n)))
        / (1 + z2 / n)) as core_share_hi,
    p_adj as adjacent_share,
    greatest(0.0, (p_adj + z2 / (2 * n) - sqrt(z2) * sqrt(p_adj * (1 - p_adj) / n + z2 / (4 * n * n)))
        / (1 + z2 / n)) as adjacent_share_lo,
    least(1.0, (p_adj + z2 / (2 * n) + sqrt(z2) * sqrt(p_adj * (1 - p_adj) / n + z2 / (4 * n * n)))
        / (1 + z2 / n)) as adjacent_share_hi
from shares
order by month
