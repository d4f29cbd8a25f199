-- Insert the loaded postings (their old rows are gone, see extract_delete_previous), with
-- the lifecycle computed for this refresh (else their previous one) and their previous
-- canonical posting (the dedupe recomputes it later anyway).
insert into postings by name
with keys as (
    -- company_key() is a regex chain: run it once per company, not once per posting.
    select company, company_key(company) as company_key
    from (select distinct company from extract_final)
)
select
    s.posting_id, s.source, s.source_id, s.board, s.company, s.title, s.location,
    s.city, s.region, s.country, s.us_state, s.world_region, s.url, s.posted_at,
    if(n.posting_id is null, p.first_seen, n.first_seen) as first_seen,
    if(n.posting_id is null, p.last_seen, n.last_seen) as last_seen,
    if(n.posting_id is null, p.closed_at, n.closed_at) as closed_at,
    s.role, s.role_evidence, s.seniority, s.remote, s.years_min, s.years_max,
    s.salary_min, s.salary_max, s.salary_currency, s.salary_period,
    s.salary_min_annual_usd, s.salary_max_annual_usd, s.salary_source,
    coalesce(p.canonical_posting_id, s.posting_id) as canonical_posting_id,
    s.content_hash, s.extractor_version, s.extraction_run_id,
    k.company_key
from extract_final s
left join extract_previous p using (posting_id)
left join lifecycle_new n using (posting_id)
left join keys k on k.company = s.company;

insert into posting_salaries by name
select b.* exclude (seq)
from extract_salaries_stage b
where b.seq in (select seq from extract_final);  -- seq numbers one staged record

insert into posting_skills by name
select b.* exclude (seq)
from extract_skills_stage b
where b.seq in (select seq from extract_final)
