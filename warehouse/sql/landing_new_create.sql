-- Content versions not stored yet, by the line of their first landing (line numbers
-- follow landing order); loads.py copies those rows into raw_postings. A hash aggregate, not DISTINCT ON + ORDER BY:
-- no sort of the whole stage.
-- The staged versions are looked up in raw_postings by an inner join that builds its hash
-- table on the staged side (a flush's few hundred thousand rows) and only streams
-- raw_postings' key columns past it; a NOT EXISTS against raw_postings built the table on
-- every stored version instead, a cost that grew with the warehouse.
create or replace temp table landing_new as
with staged as materialized (
    select
        source,
        source_id,
        content_hash,
        min(line_no) as line_no,
        arg_min(landing_file, line_no) as landing_file
    from landing_stage
    where valid
    group by source, source_id, content_hash
),
stored as materialized (
    select s.source, s.source_id, s.content_hash
    from raw_postings r
    join staged s
        on r.content_hash = s.content_hash
        and r.source = s.source
        and r.source_id = s.source_id
)
select s.line_no, s.landing_file, s.content_hash
from staged s
anti join stored t
    on t.content_hash = s.content_hash and t.source = s.source and t.source_id = s.source_id
