update extract_final set extraction_run_id = ?
