-- One chunk of extract output as a nested Arrow batch (`extract_arrow_batch`: the fields of
-- docs/architecture.md section 2 plus `seq`), flattened set-wise into the three stages.
-- Same rules as the record-by-record fallback in loads.py: empty strings are null; a
-- salary counts when any of its fields is set; without a `salaries` list the salary is
-- the one primary range; a skill is kept once, with its first non-empty evidence; a
-- record without an id is skipped.
insert into extract_stage
select
    seq,
    id as posting_id,
    nullif(role, ''),
    nullif(role_evidence, ''),
    nullif(seniority, ''),
    nullif(remote, ''),
    nullif(location.city, ''),
    nullif(location.region, ''),
    nullif(location.country, ''),
    nullif(location.us_state, ''),
    nullif(location.world_region, ''),
    years_experience.min,
    years_experience.max,
    salary.min,
    salary.max,
    nullif(salary.currency, ''),
    nullif(salary.period, ''),
    salary.min_annual_usd,
    salary.max_annual_usd,
    case when salary_given(salary) then nullif(salary_source, '') end
from extract_arrow_batch
where id <> '';

insert into extract_salaries_stage
with ranges as (
    select
        seq,
        id,
        list_filter(
            coalesce(
                salaries,
                case
                    when salary_given(salary) then [struct_pack(
                            min := salary.min, max := salary.max,
                            currency := salary.currency, period := salary.period,
                            min_annual_usd := salary.min_annual_usd,
                            max_annual_usd := salary.max_annual_usd,
                            text := salary.text, label := salary.label, is_primary := true
                        )]
                    else []
                end
            ),
            r -> r is not null
        ) as ranges
    from extract_arrow_batch
    where id <> ''
),
flat as (
    select seq, id, unnest(ranges) as r, unnest(range(len(ranges))) as ordinal
    from ranges
)
select
    seq,
    id,
    cast(ordinal as integer),
    r.min,
    r.max,
    nullif(r.currency, ''),
    nullif(r.period, ''),
    r.min_annual_usd,
    r.max_annual_usd,
    nullif(r.text, ''),
    nullif(r.label, ''),
    coalesce(r.is_primary, false)
from flat;

insert into extract_skills_stage
with wanted as (
    select
        seq,
        id,
        unnest(list_distinct(list_filter(skills, s -> s <> ''))) as skill_id,
        skill_evidence
    from extract_arrow_batch
    where id <> ''
)
select
    seq,
    id,
    skill_id,
    list_filter(skill_evidence, e -> e.skill_id = skill_id and e.text <> '')[1].text
from wanted
