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
);
-- The landing file's compensation objects arrive as JSON text (loads.LANDING_SCHEMA). A
-- value that is not an object (or, in the ranges, an element that is not one) is no
-- compensation; a field of the wrong type is null.
create or replace temp macro landing_compensation(j) as
    case when json_valid(j) and json_type(j) = 'OBJECT' then json_transform(j,
        '{"min": "DOUBLE", "max": "DOUBLE", "currency": "VARCHAR", "period": "VARCHAR",
          "raw": "VARCHAR"}')
    end;
create or replace temp macro landing_compensation_ranges(j) as
    case when json_valid(j) and json_type(j) = 'ARRAY' then list_transform(
        list_filter(json_extract(j, '$[*]'), e -> json_type(e) = 'OBJECT'),
        e -> json_transform(e,
            '{"min": "DOUBLE", "max": "DOUBLE", "currency": "VARCHAR", "period": "VARCHAR",
              "label": "VARCHAR", "raw": "VARCHAR"}')
    ) end
