-- Where loads.py spools extract output: the database's own temp directory when it is a
-- file (next to a writer's working copy), else null (the system's temp directory).
select case
    when (select path from duckdb_databases() where database_name = current_database())
        is not null
    then nullif(current_setting('temp_directory'), '')
end
