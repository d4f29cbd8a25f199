select landing_file, count(*) from landing_stage where not valid group by landing_file
