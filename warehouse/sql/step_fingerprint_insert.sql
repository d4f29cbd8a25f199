-- $1 step, $2 its fingerprint (after step_fingerprint_forget.sql forgot the old one).
insert into step_fingerprints values ($1, $2)
