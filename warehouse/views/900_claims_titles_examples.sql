-- Claim 5: the five most frequent titles per role and title group, shown on the page as text.
create or replace view claims_titles_examples as
select role, title_group, title, postings
from claims_title_groups
qualify row_number() over (partition by role, title_group order by postings desc, title) <= 5
