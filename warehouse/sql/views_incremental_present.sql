-- Which of the incremental bases and state tables ($1: their names) exist.
select table_name from duckdb_tables()
where not temporary and list_contains($1, table_name)
