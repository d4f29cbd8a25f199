create or replace temp table inc_fp as
-- Of the postings in scope (views_incremental_scope_*.sql: every posting after a full
-- build, else those the change record names).
-- A posting's skills as the views count them: without those flagged as its employer's
-- boilerplate (warehouse/boilerplate.py), so a change of employer_boilerplate that
-- flags or unflags a skill moves the posting's fingerprints and rebuilds its job.
with sk as (
    select posting_id, bit_xor(hash(skill_id)) as h
    from inc_scope_skills
    where boilerplate is not true
    group by posting_id
)
select
    p.posting_id,
    p.canonical_posting_id,
    -- Not last_seen and closed_at: their moves (every live posting's, daily) are read
    -- from the change record's `lifecycle` rows, and the facts row takes them by an update
    -- of three columns (views_incremental_apply.sql), not by a rebuild.
    hash(
        p.canonical_posting_id, p.source, p.company, p.title, p.role, p.posted_at,
        p.seniority, p.remote, p.ai_involvement, p.language, p.country, p.us_state,
        p.world_region, p.first_seen, p.salary_min_annual_usd,
        p.salary_max_annual_usd, p.years_min, p.years_max, p.company_key, coalesce(sk.h, 0)
    ) as fp,
    hash(
        p.canonical_posting_id, p.role, p.posted_at, p.first_seen, p.salary_min_annual_usd,
        p.salary_max_annual_usd, coalesce(sk.h, 0)
    ) as fp_skills
from inc_scope_postings p
left join sk using (posting_id)
