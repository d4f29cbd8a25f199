-- $1 landing file (relative), $2 source of the partition, $3 crawl date, $4 run id.
-- The content hash covers what a posting says, not when it was fetched, so an unchanged
-- posting re-crawled tomorrow hashes the same and is not extracted again.
insert into landing_stage
with typed as (
    select
        coalesce(nullif(trim(b.source), ''), $2) as source,
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
        b.employment_type,
        landing_compensation(b.compensation) as compensation,
        coalesce(landing_compensation_ranges(b.compensation_ranges), []) as compensation_ranges,
        b.attribution_url,
        coalesce(
            try_cast(try_cast(b.fetched_at as timestamptz) as timestamp),
            cast($3 as date)::timestamp
        ) as fetched_at,
        b.line_no
    from landing_batch b
)
select
    source_id is not null as valid,
    source,
    source_id,
    source || ':' || source_id as posting_id,
    md5(to_json(struct_pack(
        source := source, source_id := source_id, url := url, company := company,
        title := title, location_raw := location_raw, remote_hint := remote_hint,
        description_text := description_text, description_html := description_html,
        posted_at := posted_at_raw, employment_type := employment_type,
        compensation := compensation, compensation_ranges := compensation_ranges,
        attribution_url := attribution_url
    ))::varchar) as content_hash,
    board, url, company, title, location_raw, remote_hint, description_html,
    description_text, posted_at, updated_at, employment_type, compensation,
    compensation_ranges, attribution_url, fetched_at,
    cast($3 as date) as crawl_date,
    $4 as run_id,
    $1 as landing_file,
    line_no
from typed
