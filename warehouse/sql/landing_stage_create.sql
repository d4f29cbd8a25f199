-- Keys and content hashes of the staged landing files, cleared after each flush. The
-- rows themselves stay in Polars until the flush copies the new versions (loads.py):
-- copying every wide landed row into a temp table cost more than typing it twice.
create or replace temp table landing_stage (
    valid boolean,
    source varchar,
    source_id varchar,
    posting_id varchar,
    content_hash varchar,
    board varchar,
    fetched_at timestamp,
    crawl_date date,
    run_id varchar,
    landing_file varchar,
    line_no bigint
);
-- The landing file's compensation objects arrive as JSON text (loads.LANDING_SCHEMA). A
-- value that is not an object (or, in the ranges, an element that is not one) is no
-- compensation; a field of the wrong type is null.
-- `pay_basis` is `base` or `ote` as the source states it, else null.
create or replace temp macro landing_pay_basis(j) as
    case when json_extract_string(j, '$.pay_basis') in ('base', 'ote')
        then json_extract_string(j, '$.pay_basis') end;
create or replace temp macro landing_compensation(j) as
    case when json_valid(j) and json_type(j) = 'OBJECT' then struct_insert(json_transform(j,
        '{"min": "DOUBLE", "max": "DOUBLE", "currency": "VARCHAR", "period": "VARCHAR",
          "raw": "VARCHAR"}'), pay_basis := landing_pay_basis(j))
    end;
create or replace temp macro landing_compensation_ranges(j) as
    case when json_valid(j) and json_type(j) = 'ARRAY' then list_transform(
        list_filter(json_extract(j, '$[*]'), e -> json_type(e) = 'OBJECT'),
        e -> struct_insert(json_transform(e,
            '{"min": "DOUBLE", "max": "DOUBLE", "currency": "VARCHAR", "period": "VARCHAR",
              "label": "VARCHAR", "raw": "VARCHAR"}'), pay_basis := landing_pay_basis(e))
    ) end;
-- What a range contributes to the content hash: without a stated basis, exactly the
-- fields hashed before migration 006 (so no landed version changes its hash); with one,
-- the basis too (a posting that now states its basis is a new version once).
create or replace temp macro hashed_compensation(c) as
    case when c is null or c.pay_basis is not null then to_json(c)
        else to_json(struct_pack(
            min := c.min, max := c.max, currency := c.currency, period := c.period, raw := c.raw
        )) end;
create or replace temp macro hashed_compensation_ranges(r) as
    list_transform(r, e -> case when e is null or e.pay_basis is not null then to_json(e)
        else to_json(struct_pack(
            min := e.min, max := e.max, currency := e.currency, period := e.period,
            label := e.label, raw := e.raw
        )) end);
-- The staged Arrow batch (`landing_batch`: the landing fields plus the columns loads.py
-- adds: line_no, landing_file, partition_source, crawl_date, run_id, stored_hash) typed
-- as raw_postings stores it. The content hash covers what a posting says, not when it
-- was fetched, so an unchanged posting re-crawled tomorrow hashes the same and is not
-- extracted again. `valid_through` joins the hashed text only when given, so the hash of a
-- posting without one is what it was before the field existed.
create or replace temp macro landing_typed() as table
with typed as (
    select
        coalesce(nullif(trim(b.source), ''), b.partition_source) as source,
        nullif(trim(b.source_id), '') as source_id,
        nullif(trim(b.board), '') as board,
        b.url,
        b.company,
        b.title,
        b.location_raw,
        lower(nullif(trim(b.remote_hint), '')) as remote_hint,
        b.description_html,
        b.description_text,
        b.posted_at as posted_at_raw,
        try_cast(try_cast(b.posted_at as timestamptz) as timestamp) as posted_at,
        try_cast(try_cast(b.updated_at as timestamptz) as timestamp) as updated_at,
        b.valid_through as valid_through_raw,
        try_cast(try_cast(b.valid_through as timestamptz) as timestamp) as valid_through,
        b.employment_type,
        landing_compensation(b.compensation) as compensation,
        coalesce(landing_compensation_ranges(b.compensation_ranges), []) as compensation_ranges,
        b.attribution_url,
        cast(b.crawl_date as date) as crawl_date,
        coalesce(
            try_cast(try_cast(b.fetched_at as timestamptz) as timestamp),
            cast(b.crawl_date as date)::timestamp
        ) as fetched_at,
        b.run_id,
        b.landing_file,
        b.line_no,
        b.stored_hash
    from landing_batch b
)
select
    *,
    source || ':' || source_id as posting_id,
    md5(to_json(struct_pack(
        source := source, source_id := source_id, url := url, company := company,
        title := title, location_raw := location_raw, remote_hint := remote_hint,
        description_text := description_text, description_html := description_html,
        posted_at := posted_at_raw, employment_type := employment_type,
        compensation := hashed_compensation(compensation),
        compensation_ranges := hashed_compensation_ranges(compensation_ranges),
        attribution_url := attribution_url
    ))::varchar || coalesce(' valid_through=' || valid_through_raw, '')) as content_hash
from typed
