-- The candidate blocks (company keys, '' for none).
select count(distinct company_key) from dedupe_postings
