-- Flagged (posting, skill) pairs in all.
select count(*) from skill_boilerplate
