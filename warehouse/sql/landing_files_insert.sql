insert into landing_files by name select * from landing_files_batch
