-- One row per canonical job. Attributes come from the canonical posting; the history
-- spans all its duplicates (open while any of them is open); pay is the canonical
-- posting's own, else the first duplicate (by posting_id) that states pay.
-- Heavy bases are materialized at refresh time (`mat_*` tables, rebuilt by every
-- create_views) and the views read them: at a million postings recomputing them in
-- every query cost seconds per view.
create or replace table mat_posting_facts as
with members as (
    select
        canonical_posting_id,
        min(first_seen) as first_seen,
        max(last_seen) as last_seen,
        case when bool_or(closed_at is null) then null else max(closed_at) end as closed_at,
        arg_min(
            struct_pack(lo := salary_min_annual_usd, hi := salary_max_annual_usd),
            (posting_id <> canonical_posting_id, posting_id)
        ) filter (where coalesce(salary_min_annual_usd, salary_max_annual_usd) is not null)
            as pay
    from postings
    group by canonical_posting_id
),
skill_counts as (
    -- Skills of a job = the union over its duplicates.
    select
        p.canonical_posting_id,
        count(distinct s.skill_id) as skill_count,
        count(distinct k.family) as family_count
    from posting_skills s
    join postings p using (posting_id)
    left join skills k using (skill_id)
    group by p.canonical_posting_id
)
select
    c.posting_id,
    c.canonical_posting_id,
    c.source,
    c.company,
    c.title,
    c.role,
    c.posted_at,
    coalesce(cast(c.posted_at as date), m.first_seen) as demand_date,
    c.seniority,
    c.remote,
    c.country,
    c.us_state,
    c.world_region,
    m.first_seen,
    m.last_seen,
    m.closed_at,
    date_diff('day', m.first_seen, coalesce(m.closed_at, m.last_seen)) as days_open,
    m.pay.lo as salary_min_annual_usd,
    m.pay.hi as salary_max_annual_usd,
    case
        when m.pay.lo is not null and m.pay.hi is not null then (m.pay.lo + m.pay.hi) / 2
        else coalesce(m.pay.lo, m.pay.hi)
    end as pay_usd,
    c.years_min,
    c.years_max,
    coalesce(sc.skill_count, 0) as skill_count,
    coalesce(sc.family_count, 0) as family_count,
    c.company_key  -- not in the view: top_employers groups by it
from postings c
join members m on m.canonical_posting_id = c.posting_id
left join skill_counts sc on sc.canonical_posting_id = c.posting_id;

create or replace view posting_facts as
select
    posting_id, canonical_posting_id, source, company, title, role, posted_at, demand_date,
    seniority, remote, country, us_state, world_region, first_seen, last_seen, closed_at,
    days_open, salary_min_annual_usd, salary_max_annual_usd, pay_usd, years_min, years_max,
    skill_count, family_count
from mat_posting_facts
