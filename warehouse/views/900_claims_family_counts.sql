-- Claim 2: how many skill families (of all seven) each core / adjacent posting asks for.
create or replace view claims_family_counts as
select role, coalesce(family_count, 0) as family_count, count(*) as postings
from posting_facts
where role in ('core', 'adjacent')
group by all
