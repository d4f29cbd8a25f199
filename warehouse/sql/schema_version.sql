create table if not exists schema_version (
    version integer not null,
    name varchar not null,
    applied_at timestamp not null
)
