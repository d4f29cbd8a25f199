select extraction_run_id from extraction_session where extractor_version = ?
