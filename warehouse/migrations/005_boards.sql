-- 005: the board frame. `boards` is every ATS board the program knows: the registry's
-- (scrapers/boards.toml, never edited by the program) and those discovered in landed
-- postings. `board_links` says which posting linked which board; `boards_scanned` which
-- landing files discovery has read. Columns are documented in docs/data-model.md.

create table boards (
    ats varchar not null,
    board_key varchar not null,          -- lower(board): one row per board, whatever the case
    token varchar not null,
    site varchar,
    board varchar not null,
    status varchar not null,             -- registry | candidate | valid | invalid | gone
    in_registry boolean not null,
    company varchar,
    found_in_posting_id varchar,
    found_count bigint not null,
    first_seen date,
    last_checked timestamp,
    last_ok date,
    postings_last_crawl bigint,
    not_found_streak integer not null,
    accepted_at timestamp                -- (ats, board_key) is unique: boards_seed.sql merges
);

create table board_links (
    posting_id varchar not null,
    ats varchar not null,
    board_key varchar not null,
    crawl_date date not null
);

create table boards_scanned (
    landing_file varchar not null,
    scanned_at timestamp not null
);
