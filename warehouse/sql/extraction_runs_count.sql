select count(*) from extraction_runs where extractor_version = ?
