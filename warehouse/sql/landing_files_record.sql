insert into landing_files
    (landing_file, source, crawl_date, run_id, rows_read, rows_invalid, rows_new, loaded_at)
values (?, ?, ?, ?, ?, ?, ?, ?)
