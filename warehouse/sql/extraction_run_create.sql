insert into extraction_runs (extraction_run_id, extractor_version, started_at, finished_at, postings)
values (?, ?, ?, ?, 0)
