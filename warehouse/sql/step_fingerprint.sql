-- $1 step: the fingerprint its kept results were computed with (none: no row).
select fingerprint from step_fingerprints where step = $1
