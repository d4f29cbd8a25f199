insert into boards_scanned
select distinct landing_file, $scanned_at::timestamp
from raw_postings
where landing_file not in (select landing_file from boards_scanned)
