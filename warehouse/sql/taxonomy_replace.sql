delete from skills;
insert into skills by name select * from taxonomy_batch
