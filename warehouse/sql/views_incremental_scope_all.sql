-- After a full build of the bases, every posting's fingerprints are kept.
create or replace temp view inc_scope_postings as select * from postings;
create or replace temp view inc_scope_skills as select * from posting_skills
