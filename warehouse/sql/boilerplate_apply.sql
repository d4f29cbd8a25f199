-- The dirty employers' boilerplate sentences replaced (boilerplate_compute.sql), then
-- the flag of their postings' skills: true when every sentence the skill was read in is
-- one of its employer's boilerplate sentences (a skill with no sentence keys, or with a
-- sentence too short for one, '', is never boilerplate), else null. Only rows whose flag
-- changes are written. (A row with no keys never had the flag: a re-extracted posting's
-- rows are inserted anew, flag null.)
delete from employer_boilerplate where company_key in (select company_key from boilerplate_dirty);
insert into employer_boilerplate by name select * from boilerplate_new;

create or replace temp table boilerplate_flags as
with evidence as (
    select s.posting_id, s.skill_id, p.company_key, unnest(s.sentence_keys) as sentence_key
    from posting_skills s
    join boilerplate_posts p using (posting_id)
)
select
    e.posting_id,
    e.skill_id,
    case when bool_and(b.sentence_key is not null) then true end as flag
from evidence e
left join boilerplate_new b using (company_key, sentence_key)
group by e.posting_id, e.skill_id;

update posting_skills
set boilerplate = null
from boilerplate_flags f
where f.flag is null
  and posting_skills.posting_id = f.posting_id
  and posting_skills.skill_id = f.skill_id
  and posting_skills.boilerplate;

update posting_skills
set boilerplate = true
from boilerplate_flags f
where f.flag
  and posting_skills.posting_id = f.posting_id
  and posting_skills.skill_id = f.skill_id
  and posting_skills.boilerplate is not true;

-- What was read, for the next refresh's boilerplate_dirty.sql.
delete from boilerplate_postings where company_key in (select company_key from boilerplate_dirty);
insert into boilerplate_postings
select * from boilerplate_now where company_key in (select company_key from boilerplate_dirty)
