select landing_file, count(*) from landing_new group by landing_file
