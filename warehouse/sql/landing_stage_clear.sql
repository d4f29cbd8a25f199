delete from landing_stage
