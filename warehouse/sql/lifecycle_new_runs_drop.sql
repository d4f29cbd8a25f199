drop table lifecycle_new_runs;
drop table lifecycle_new_sightings;
drop table lifecycle_unloaded
