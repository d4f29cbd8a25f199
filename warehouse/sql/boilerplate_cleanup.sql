drop table if exists temp.boilerplate_now;
drop table if exists temp.boilerplate_changed;
drop table if exists temp.boilerplate_dirty;
drop table if exists temp.boilerplate_flag_employers;
drop table if exists temp.boilerplate_posts;
drop table if exists temp.boilerplate_new;
drop table if exists temp.boilerplate_flags
