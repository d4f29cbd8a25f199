update extraction_runs set postings = postings + $1, finished_at = $2
where extraction_run_id = $3
