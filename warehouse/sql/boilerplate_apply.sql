-- The dirty employers' boilerplate sentences replaced (boilerplate_compute.sql), then
-- the flag of their postings' skills: true when every sentence the skill was read in is
-- one of its employer's boilerplate sentences (a skill with no sentence keys, or with a
-- sentence too short for one, '', is never boilerplate), else null. Only the employers
-- with boilerplate sentences before or after can have a flag to set or clear (few: most
-- employers repeat no skill-naming sentence), and only rows whose flag changes are
-- written. (A re-extracted posting's rows are inserted anew, flag null.)
create or replace temp table boilerplate_flag_employers as
select company_key from employer_boilerplate
where company_key in (select company_key from boilerplate_dirty)
union
select company_key from boilerplate_new;

delete from employer_boilerplate where company_key in (select company_key from boilerplate_dirty);
insert into employer_boilerplate by name select * from boilerplate_new;

-- The rows to judge: the skills of the flag employers' postings, and every skill flagged
-- now of the other dirty postings (wherever its posting moved). Two joins, not one with
-- an `or`: each builds on a small side (the flag employers' postings; the flagged rows),
-- where the `or` joined every skill row with every dirty posting first.
create or replace temp table boilerplate_flags as
with flag_posts as (
    select posting_id, company_key
    from boilerplate_posts
    where company_key in (select company_key from boilerplate_flag_employers)
),
evidence as (
    select
        s.posting_id, s.skill_id, p.company_key, s.boilerplate,
        unnest(s.sentence_keys) as sentence_key
    from posting_skills s
    join flag_posts p using (posting_id)
    union all
    select
        s.posting_id, s.skill_id, p.company_key, s.boilerplate,
        unnest(s.sentence_keys) as sentence_key
    from posting_skills s
    join boilerplate_posts p using (posting_id)
    where s.boilerplate and p.posting_id not in (select posting_id from flag_posts)
),
judged as (
    select
        e.posting_id,
        e.skill_id,
        case when bool_and(b.sentence_key is not null) then true end as flag,
        any_value(e.boilerplate) as was
    from evidence e
    left join boilerplate_new b using (company_key, sentence_key)
    group by e.posting_id, e.skill_id
)
select posting_id, skill_id, flag
from judged
where flag is distinct from was;

update posting_skills
set boilerplate = f.flag
from boilerplate_flags f
where posting_skills.posting_id = f.posting_id
  and posting_skills.skill_id = f.skill_id;
-- The change record (migration 016): the postings whose skills the views count moved.
insert into posting_changes select distinct posting_id, 'boilerplate' from boilerplate_flags;

-- What was read, for the next refresh's boilerplate_dirty.sql: the rows that moved.
delete from boilerplate_postings
where posting_id in (select posting_id from boilerplate_changed);
insert into boilerplate_postings
select company_key, posting_id, row_hash
from boilerplate_changed
where company_key is not null
