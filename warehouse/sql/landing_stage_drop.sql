drop table if exists landing_stage
