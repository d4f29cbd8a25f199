-- `companies` is rebuilt (delete + insert) by every refresh. Its PRIMARY KEY index made
-- that delete cost seconds at a million postings (3.5 s for 20k companies, measured;
-- the same table without the index: 3 ms), and DuckLake has no indexes. The rebuild
-- keeps company_key unique (it groups by company_key), like the big tables' keys
-- (001_initial.sql).
create temp table companies_before as select * from companies;
drop table companies;
create table companies (
    company_key varchar not null,
    name varchar not null,
    postings bigint not null,
    open_postings bigint not null,
    sources varchar[] not null,
    first_seen date,
    last_seen date
);
insert into companies select * from companies_before;
drop table companies_before;
