drop table landing_touched
