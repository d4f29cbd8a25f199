-- The SQL hash the kept bases were built with.
select sql_hash from mat_views_state
