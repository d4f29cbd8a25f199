-- The change record (migration 016) of the carried-over postings.
insert into posting_changes select posting_id, 'carry_over' from carry_over;
drop table carry_over
