select count(*) > 0
from duckdb_tables()
where table_name = 'schema_version' and schema_name = 'main'
    and database_name = current_database()
