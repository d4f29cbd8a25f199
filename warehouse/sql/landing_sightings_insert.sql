-- This ingest's sightings (landing_touched) into posting_sightings, in one insert.
insert into posting_sightings select * from landing_touched
