-- Data and delete files the newest snapshot reads, and their bytes.
select sum(file_count + delete_file_count), sum(file_size_bytes + delete_file_size_bytes)
from ducklake_table_info($1)
