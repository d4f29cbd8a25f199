-- $1 MIN_POSTINGS, $2 MIN_TITLES, $3 MIN_SHARE (warehouse/boilerplate.py).
-- The dirty employers' boilerplate sentences: a sentence key on at least $1 of the
-- employer's postings, across at least $2 distinct titles (case and edges ignored), and
-- on at least $3 of all its postings. Only sentences that name a skill are known, which
-- are the only ones that matter here: those read as the job's (posting_skills
-- .sentence_keys) and those outside the job's sections (postings.outside_sentence_keys:
-- the same paragraph counts whether the sections caught it on a posting or not).
create or replace temp table boilerplate_posts as
select
    posting_id, company_key, lower(trim(coalesce(title, ''))) as title, outside_sentence_keys
from postings
where company_key in (select company_key from boilerplate_dirty);

create or replace temp table boilerplate_new as
with totals as (
    select company_key, count(*) as n
    from boilerplate_posts
    group by company_key
    having count(*) >= $1
),
keys as (
    select posting_id, unnest(sentence_keys) as sentence_key
    from posting_skills
    where len(sentence_keys) > 0  -- most rows have none (bullets): no join for them
        and posting_id in (select posting_id from boilerplate_posts)
    union all
    select posting_id, unnest(outside_sentence_keys)
    from boilerplate_posts
),
keyed as (
    select distinct p.company_key, p.posting_id, p.title, k.sentence_key
    from keys k
    join boilerplate_posts p using (posting_id)
    where k.sentence_key <> ''
)
select
    k.company_key,
    k.sentence_key,
    count(distinct k.posting_id) as postings,
    count(distinct k.title) as titles,
    count(distinct k.posting_id) / any_value(t.n) as share
from keyed k
join totals t using (company_key)
group by k.company_key, k.sentence_key
having count(distinct k.posting_id) >= $1
   and count(distinct k.title) >= $2
   and count(distinct k.posting_id) / any_value(t.n) >= $3
