-- $1 the rule's version. The employers whose boilerplate flags are out of date: a
-- fingerprint of what the rule reads (each posting's id, extracted version and
-- title, its skills and their evidence, the rule) differs from the one they were
-- computed from, or the employer is new or gone.
create or replace temp table bp_fp as
with sk as (
    select posting_id, bit_xor(hash(skill_id, evidence)) as h
    from posting_skills
    group by posting_id
)
select
    p.company_key,
    count(*) as postings,
    bit_xor(hash(
        p.posting_id, p.content_hash, p.title, coalesce(sk.h, 0)
    )) as fp
from postings p
left join sk using (posting_id)
where p.company_key is not null
group by p.company_key;

create or replace temp table bp_affected as
with n as (select company_key, postings, hash(fp, $1) as fp from bp_fp)
select coalesce(n.company_key, o.company_key) as company_key, n.postings, n.fp
from n
full join skill_boilerplate_state o using (company_key)
where n.fp is distinct from o.fp
