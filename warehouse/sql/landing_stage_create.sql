-- One landing file at a time, already typed and hashed; cleared after each file.
create or replace temp table landing_stage (
    valid boolean,
    source varchar,
    source_id varchar,
    posting_id varchar,
    content_hash varchar,
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
    fetched_at timestamp,
    crawl_date date,
    run_id varchar,
    landing_file varchar,
    line_no bigint
)
