-- The salaries, skills and countries of the loaded postings (extract_insert_postings
-- inserted the postings themselves), flattened from the spooled records that load.
-- Same rules as the postings: empty strings are null. A salary counts when any of its
-- fields is set; without a `salaries` list the salary is the one primary range. A skill
-- is kept once, with its first non-empty evidence and the keys of all its evidence's
-- sentences (warehouse/boilerplate.py).
insert into posting_salaries by name
with ranges as (
    select
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
                            text := salary.text, label := salary.label, is_primary := true,
                            pay_basis := salary.pay_basis
                        )]
                    else []
                end
            ),
            r -> r is not null
        ) as ranges
    from extract_output
    where seq in (select seq from extract_final)
),
flat as (
    select id, unnest(ranges) as r, unnest(range(len(ranges))) as ordinal
    from ranges
)
select
    id as posting_id,
    cast(ordinal as integer) as ordinal,
    r.min,
    r.max,
    nullif(r.currency, '') as currency,
    nullif(r.period, '') as period,
    r.min_annual_usd,
    r.max_annual_usd,
    nullif(r.text, '') as text,
    nullif(r.label, '') as label,
    coalesce(r.is_primary, false) as is_primary,
    -- As the source states it (base | ote), else null: salary_pay_basis reads the words.
    case when r.pay_basis in ('base', 'ote') then r.pay_basis end as pay_basis
from flat;

insert into posting_skills by name
with wanted as (
    select
        id,
        unnest(list_distinct(list_filter(skills, s -> s <> ''))) as skill_id,
        skill_evidence
    from extract_output
    where seq in (select seq from extract_final)
)
select
    id as posting_id,
    skill_id,
    list_filter(skill_evidence, e -> e.skill_id = skill_id and e.text <> '')[1].text
        as evidence,
    -- Every sentence the skill was read in ('' for one without a key: never boilerplate).
    list_distinct(list_transform(
        list_filter(skill_evidence, e -> e.skill_id = skill_id),
        e -> coalesce(e.sentence_key, '')
    )) as sentence_keys
from wanted;

-- Every country of the location, in order, each once; a record with no `countries` list
-- (an older extractor) keeps its one `country`.
insert into posting_countries by name
with given as (
    select id, coalesce(nullif(location.countries, []), [location.country]) as named
    from extract_output
    where seq in (select seq from extract_final)
),
listed as (
    select
        id,
        list_filter(named, (c, i) -> c is not null and c <> '' and list_position(named, c) = i)
            as countries
    from given
),
flat as (
    select id, unnest(countries) as country, unnest(range(len(countries))) as ordinal
    from listed
)
select id as posting_id, cast(ordinal as integer) as ordinal, country
from flat;

-- The change record (migration 016): these postings were loaded again, with their skills.
insert into posting_changes select posting_id, 'extract' from extract_final
