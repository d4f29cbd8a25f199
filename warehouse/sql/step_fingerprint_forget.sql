-- $1 step: forget its fingerprint (step_fingerprint_insert.sql writes the new one).
delete from step_fingerprints where step = $1
