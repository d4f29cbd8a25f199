-- 001: the core tables. Every column is documented in docs/data-model.md.
-- No table carries a PRIMARY KEY or UNIQUE constraint: DuckLake supports neither, and one
-- SQL text serves the file and DuckLake warehouses. Keys are kept unique by the loads
-- (anti-joins, delete+insert, MERGE) and checked by the tests; an ART index on millions
-- of rows would cost memory and load time for nothing the loads need.

create table landing_files (
    landing_file varchar not null,      -- path relative to the landing folder
    source varchar not null,
    crawl_date date not null,
    run_id varchar not null,
    rows_read bigint not null,
    rows_invalid bigint not null,
    rows_new bigint not null,
    loaded_at timestamp not null
);

create table crawl_runs (
    run_id varchar not null,
    source varchar not null,
    crawl_date date not null,
    started_at timestamp,
    finished_at timestamp,
    duration_s double,
    status varchar,
    requests bigint,
    responses bigint,
    items bigint,
    items_invalid bigint,
    errors json,
    boards_ok varchar[],
    boards_not_found varchar[],
    boards_failed varchar[],
    landing_file varchar
);

create table raw_postings (
    source varchar not null,
    source_id varchar not null,
    content_hash varchar not null,
    posting_id varchar not null,
    board varchar,
    url varchar,
    company varchar,
    title varchar,
    location_raw varchar,
    remote_hint varchar,
    description_html varchar,
    description_text varchar,
    posted_at timestamp,
    updated_at timestamp,
    employment_type varchar,
    compensation struct(min double, max double, currency varchar, period varchar, raw varchar),
    compensation_ranges struct(
        min double, max double, currency varchar, period varchar, label varchar, raw varchar
    )[],
    attribution_url varchar,
    fetched_at timestamp not null,
    crawl_date date not null,
    run_id varchar not null,
    landing_file varchar not null
);

create table posting_sightings (
    posting_id varchar not null,
    source varchar not null,
    board varchar,
    content_hash varchar not null,
    run_id varchar not null,
    crawl_date date not null,
    fetched_at timestamp not null
);

create table postings (
    posting_id varchar not null,
    source varchar not null,
    source_id varchar not null,
    board varchar,
    company varchar,
    title varchar,
    location varchar,
    city varchar,
    region varchar,
    country varchar,
    us_state varchar,
    world_region varchar,
    url varchar,
    posted_at timestamp,
    first_seen date,
    last_seen date,
    closed_at date,
    role varchar,
    role_evidence varchar,
    seniority varchar,
    remote varchar,
    years_min double,
    years_max double,
    salary_min double,
    salary_max double,
    salary_currency varchar,
    salary_period varchar,
    salary_min_annual_usd double,
    salary_max_annual_usd double,
    salary_source varchar,
    canonical_posting_id varchar,
    content_hash varchar not null,
    extractor_version varchar not null,
    extraction_run_id varchar not null
);

create table posting_salaries (
    posting_id varchar not null,
    ordinal integer not null,
    min double,
    max double,
    currency varchar,
    period varchar,
    min_annual_usd double,
    max_annual_usd double,
    text varchar,
    label varchar,
    is_primary boolean not null
);

create table posting_skills (
    posting_id varchar not null,
    skill_id varchar not null,
    evidence varchar
);

create table skills (
    skill_id varchar not null,
    name varchar not null,
    category varchar,
    family varchar,
    aliases varchar[]
);

create table extraction_runs (
    extraction_run_id varchar not null,
    extractor_version varchar not null,
    started_at timestamp not null,
    finished_at timestamp not null,
    postings bigint not null
);

-- The latest landed version of each posting: the content of its most recent sighting.
create view latest_raw as
with latest as (
    select
        posting_id,
        max_by(content_hash, (crawl_date, fetched_at, run_id)) as content_hash
    from posting_sightings
    group by posting_id
)
select r.*
from latest
join raw_postings r using (posting_id, content_hash);
