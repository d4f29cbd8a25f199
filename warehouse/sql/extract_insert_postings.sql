-- $1 extractor version, $2 extraction run id. Insert the loaded postings (their old rows
-- are gone, see extract_delete_previous): the extracted fields from the spool (empty
-- strings are null; salary_source only with a salary), the rest from the latest landed
-- version, the lifecycle computed for this refresh (else their previous one) and their
-- previous canonical posting (the dedupe recomputes it later anyway).
insert into postings by name
with keys as (
    -- company_key() is a regex chain: run it once per company, not once per posting.
    select company, company_key(company) as company_key
    from (
        select distinct company
        from posting_latest
        where posting_id in (select posting_id from extract_final)
    )
)
select
    o.id as posting_id, l.source, l.source_id, l.board, l.company, l.title,
    l.location_raw as location,
    nullif(o.location.city, '') as city,
    nullif(o.location.region, '') as region,
    nullif(o.location.country, '') as country,
    nullif(o.location.us_state, '') as us_state,
    nullif(o.location.world_region, '') as world_region,
    l.url, l.posted_at,
    if(n.posting_id is null, p.first_seen, n.first_seen) as first_seen,
    if(n.posting_id is null, p.last_seen, n.last_seen) as last_seen,
    if(n.posting_id is null, p.closed_at, n.closed_at) as closed_at,
    if(n.posting_id is null, p.closed_by, n.closed_by) as closed_by,
    if(n.posting_id is null, p.closed_run_id, n.closed_run_id) as closed_run_id,
    nullif(o.role, '') as role,
    nullif(o.role_evidence, '') as role_evidence,
    nullif(o.seniority, '') as seniority,
    nullif(o.remote, '') as remote,
    nullif(o.ai_involvement, '') as ai_involvement,
    nullif(o.language, '') as language,
    o.years_experience.min as years_min,
    o.years_experience.max as years_max,
    o.salary.min as salary_min,
    o.salary.max as salary_max,
    nullif(o.salary.currency, '') as salary_currency,
    nullif(o.salary.period, '') as salary_period,
    o.salary.min_annual_usd as salary_min_annual_usd,
    o.salary.max_annual_usd as salary_max_annual_usd,
    case when salary_given(o.salary) then nullif(o.salary_source, '') end as salary_source,
    coalesce(p.canonical_posting_id, o.id) as canonical_posting_id,
    l.content_hash, $1 as extractor_version, $2 as extraction_run_id,
    k.company_key,
    o.outside_sentence_keys
from extract_output o
join extract_final f using (seq)
join posting_latest l on l.posting_id = o.id
left join extract_previous p on p.posting_id = o.id
left join lifecycle_new n on n.posting_id = o.id
left join keys k on k.company = l.company
