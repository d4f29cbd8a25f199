-- Claim 5: core / adjacent postings per title group (groups defined in claims_title_groups).
create or replace view claims_titles as
select role, title_group, sum(postings)::bigint as postings
from claims_title_groups
group by role, title_group
