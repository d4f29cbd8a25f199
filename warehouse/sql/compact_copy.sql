-- Every table, view and macro of the warehouse into the fresh file, live rows only.
copy from database compact_source to {target}
