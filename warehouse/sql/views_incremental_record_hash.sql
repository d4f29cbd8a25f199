-- The SQL hash ($1) the bases were just built with.
insert into mat_views_state values ($1)
