select count(*) from extract_stage
