select count(*) from landing_stage where not valid
