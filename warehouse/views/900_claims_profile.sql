-- Claim 2, "a rare hybrid profile": which of the five named skill families each posting asks
-- for (ai_ml, programming, linguistics_language, psychology_human_factors, art_creative).
-- combo = the named families present, sorted and joined by '+', or 'none'.
create or replace view claims_family_combos as
with named as (
    select canonical_posting_id, family
    from posting_families
    where family in (
        'ai_ml', 'programming', 'linguistics_language', 'psychology_human_factors', 'art_creative'
    )
),
per_posting as (
    select
        f.canonical_posting_id,
        f.role,
        coalesce(list_sort(list(distinct n.family) filter (where n.family is not null)), [])
            as families
    from posting_facts f
    left join named n using (canonical_posting_id)
    where f.role in ('core', 'adjacent')
    group by f.canonical_posting_id, f.role
)
select
    role,
    case when len(families) = 0 then 'none' else array_to_string(families, '+') end as combo,
    len(families) as n_named,
    count(*) as postings
from per_posting
group by all
