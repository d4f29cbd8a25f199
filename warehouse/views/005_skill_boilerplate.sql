-- Employer boilerplate across postings (transforms/boilerplate.py, applied by
-- warehouse/boilerplate.py before the views): a skill whose only evidence in a posting is
-- a sentence its employer repeats across many of its jobs is the employer's, not the
-- job's. The flags are derived data (recomputed from the postings' texts and skills, per
-- employer whose postings changed); the tables are made here so that every view file
-- can read them on any warehouse, also one no refresh has flagged yet.
create table if not exists skill_boilerplate (
    posting_id varchar not null,
    skill_id varchar not null,
    company_key varchar not null,
    sentence varchar,          -- the first repeated sentence that names the skill (cut)
    sentence_jobs bigint,      -- the employer's jobs whose text holds that sentence
    employer_jobs bigint,      -- the employer's jobs (canonical postings)
    reason varchar
);

-- What each employer's flags were computed from (a fingerprint of its postings and
-- skills, and the rule's version).
create table if not exists skill_boilerplate_state (
    company_key varchar not null,
    fp ubigint not null
);

-- posting_skills with the verdict: `boilerplate` skills are left out of every skill
-- figure (job_skills, posting_families, co-occurrence, pay premium); `boilerplate_reason`
-- says why.
create or replace view posting_skill_flags as
select
    s.posting_id,
    s.skill_id,
    s.evidence,
    b.posting_id is not null as boilerplate,
    b.reason as boilerplate_reason
from posting_skills s
left join skill_boilerplate b using (posting_id, skill_id)
