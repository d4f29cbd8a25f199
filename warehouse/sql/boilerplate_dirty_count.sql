select count(*) from boilerplate_dirty
