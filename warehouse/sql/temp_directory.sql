-- Where loads.py spools extract output: the database's own temp directory when it is a
-- DuckDB file (next to a writer's working copy), else null (the system's temp directory;
-- a DuckLake writer's database has a path, the catalog's, but no temp directory of its own).
select case
    when (
        select path is not null and type = 'duckdb'
        from duckdb_databases() where database_name = current_database()
    )
    then nullif(current_setting('temp_directory'), '')
end
