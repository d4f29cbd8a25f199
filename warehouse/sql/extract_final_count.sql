select count(*) from extract_final
