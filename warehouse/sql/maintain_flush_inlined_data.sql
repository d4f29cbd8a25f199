-- Write the rows DuckLake keeps inlined in the catalog (small inserts) to Parquet files.
select * from ducklake_flush_inlined_data($1)
