-- The affected jobs (views_incremental_affected.sql): rebuilt, rebuilt for skills, and
-- those whose history end only moved.
select (select count(*) from inc_jobs), (select count(*) from inc_skill_jobs),
    (select count(*) from inc_life)
