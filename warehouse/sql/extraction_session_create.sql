-- The extraction run of this writer connection (temp: gone when the connection closes).
create temp table if not exists extraction_session (
    extractor_version varchar primary key,
    extraction_run_id varchar not null
)
