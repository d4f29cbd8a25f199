-- Replace the extracted rows of the staged postings; keep what the lifecycle and the
-- dedupe computed for them (they are recomputed later in the same refresh anyway).
create or replace temp table extract_previous as
select posting_id, first_seen, last_seen, closed_at, canonical_posting_id
from postings
where posting_id in (select posting_id from extract_stage);

delete from postings where posting_id in (select posting_id from extract_stage);

insert into postings by name
select
    s.posting_id, s.source, s.source_id, s.board, s.company, s.title, s.location,
    s.city, s.region, s.country, s.us_state, s.world_region, s.url, s.posted_at,
    p.first_seen, p.last_seen, p.closed_at,
    s.role, s.role_evidence, s.seniority, s.remote, s.years_min, s.years_max,
    s.salary_min, s.salary_max, s.salary_currency, s.salary_period,
    s.salary_min_annual_usd, s.salary_max_annual_usd, s.salary_source,
    coalesce(p.canonical_posting_id, s.posting_id) as canonical_posting_id,
    s.content_hash, s.extractor_version, s.extraction_run_id,
    company_key(s.company) as company_key
from extract_stage s
left join extract_previous p using (posting_id);

delete from posting_salaries where posting_id in (select posting_id from extract_stage);

insert into posting_salaries by name
select b.* from salary_batch b where b.posting_id in (select posting_id from extract_stage);

delete from posting_skills where posting_id in (select posting_id from extract_stage);

insert into posting_skills by name
select b.* from skill_batch b where b.posting_id in (select posting_id from extract_stage);
