-- Merge the small Parquet files of every table (rows: schema, table, processed, created).
select * from ducklake_merge_adjacent_files($1)
