-- Rewrite data files with many deleted rows (DuckLake's default delete threshold).
select * from ducklake_rewrite_data_files($1)
