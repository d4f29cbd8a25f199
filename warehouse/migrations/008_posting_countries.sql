-- 008: every country a posting's location names (transforms/location.py
-- `location.countries`, ISO 3166 alpha-2, in the order named: "London or NYC" gives GB
-- then US), one row each; `postings.country` stays the first. Rows loaded before this
-- migration get their one known country now; the next extraction of a posting replaces
-- its rows with the full list.
create table posting_countries (
    posting_id varchar not null,
    ordinal integer not null,
    country varchar not null
);

insert into posting_countries
select posting_id, 0, country from postings where country is not null;
