-- $1 extractor version, $2 extraction run id. Insert the loaded postings (their old rows
-- are gone, see extract_delete_previous): the extracted fields from the stage, the rest
-- from the latest landed version, the lifecycle computed for this refresh (else their
-- previous one) and their previous canonical posting (the dedupe recomputes it later).
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
    s.posting_id, l.source, l.source_id, l.board, l.company, l.title,
    l.location_raw as location, s.city, s.region, s.country, s.us_state, s.world_region,
    l.url, l.posted_at,
    if(n.posting_id is null, p.first_seen, n.first_seen) as first_seen,
    if(n.posting_id is null, p.last_seen, n.last_seen) as last_seen,
    if(n.posting_id is null, p.closed_at, n.closed_at) as closed_at,
    s.role, s.role_evidence, s.seniority, s.remote, s.years_min, s.years_max,
    s.salary_min, s.salary_max, s.salary_currency, s.salary_period,
    s.salary_min_annual_usd, s.salary_max_annual_usd, s.salary_source,
    coalesce(p.canonical_posting_id, s.posting_id) as canonical_posting_id,
    l.content_hash, $1 as extractor_version, $2 as extraction_run_id,
    k.company_key
from extract_stage s
join extract_final f using (seq)
join posting_latest l on l.posting_id = s.posting_id
left join extract_previous p on p.posting_id = s.posting_id
left join lifecycle_new n on n.posting_id = s.posting_id
left join keys k on k.company = l.company
