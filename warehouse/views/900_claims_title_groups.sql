-- Claim 5, "prompt engineer is the job": under which titles prompt work is posted.
-- Title groups, first match wins: a title containing "prompt"; AI / LLM / ML engineer;
-- AI trainer / data annotation; evaluation / red teaming / quality; conversation / content /
-- writing; research / science; anything else.
create or replace view claims_title_groups as
with grouped as (
    select
        role,
        title,
        case
            when regexp_matches(lower(title), 'prompt') then 'prompt title'
            when regexp_matches(lower(title), 'train|annotat|rlhf|rater|tutor|label')
                then 'AI trainer / annotation'
            when regexp_matches(lower(title), 'evaluat|\beval|red team|quality|safety')
                then 'evaluation / red teaming'
            when regexp_matches(
                lower(title),
                '(\bai\b|\bllm|\bml\b|machine learning|genai|generative|\bnlp\b).*(engineer|developer)'
                || '|(engineer|developer).*(\bai\b|\bllm|\bml\b|machine learning|genai|generative)'
            ) then 'AI / LLM / ML engineer'
            when regexp_matches(lower(title), 'conversation|content|writer|writing|linguist|editor')
                then 'conversation / content / writing'
            when regexp_matches(lower(title), 'research|scien') then 'research / science'
            else 'other titles'
        end as title_group
    from posting_facts
    where role in ('core', 'adjacent')
)
select role, title_group, title, count(*) as postings
from grouped
group by all
