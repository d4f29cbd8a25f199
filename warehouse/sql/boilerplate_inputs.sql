-- $1 the fewest postings an employer needs. What the rule reads of the affected
-- employers' postings: the extracted version's text (as the extractor was given it) and
-- title, and per skill the words that name it (its aliases and stored evidence).
with skills as (
    select
        s.posting_id,
        list(struct_pack(
            skill_id := s.skill_id,
            words := list_concat(coalesce(k.aliases, []), [coalesce(s.evidence, '')])
        )) as skills
    from posting_skills s
    left join skills k using (skill_id)
    where s.posting_id in (
        select posting_id from postings
        where company_key in (select company_key from bp_affected where postings >= $1)
    )
    group by s.posting_id
)
select
    p.company_key,
    p.company,
    p.posting_id,
    coalesce(p.title, '') as title,
    coalesce(nullif(r.description_text, ''), r.description_html, '') as text,
    coalesce(s.skills, []) as skills
from postings p
join raw_postings r on r.posting_id = p.posting_id and r.content_hash = p.content_hash
left join skills s on s.posting_id = p.posting_id
where p.company_key in (select company_key from bp_affected where postings >= $1)
order by p.company_key, p.posting_id
