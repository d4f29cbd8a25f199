-- With nothing kept (a first refresh, or the rules changed: boilerplate_reset.sql), the
-- step reads every posting.
create or replace temp view boilerplate_read as select * from postings;
create or replace temp view boilerplate_kept as select * from boilerplate_postings
