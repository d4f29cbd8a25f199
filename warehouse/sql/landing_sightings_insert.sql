-- This ingest's sightings (landing_touched) into posting_sightings, in one insert (run on
-- one thread: landing_ingest.py).
insert into posting_sightings select * from landing_touched
