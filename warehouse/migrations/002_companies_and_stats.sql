-- 002: a normalised company key (for `companies`, `top_employers` and the dedupe
-- blocking key), the `companies` table and the precomputed skill pay premium.

-- Lower-case, punctuation to spaces, legal-form suffixes dropped: "OpenAI, Inc." -> "openai".
create or replace macro company_key(name) as nullif(trim(regexp_replace(
    regexp_replace(lower(coalesce(name, '')), '[^a-z0-9]+', ' ', 'g'),
    '( (inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|plc|bv|pbc|srl|oy|ab))+ *$',
    '')), '');

alter table postings add column company_key varchar;
update postings set company_key = company_key(company);

create table companies (
    company_key varchar not null,
    name varchar not null,
    postings bigint not null,
    open_postings bigint not null,
    sources varchar[] not null,
    first_seen date,
    last_seen date
);

create table skill_pay_premium_stats (
    skill_id varchar not null,
    skill_name varchar,
    n_with bigint not null,
    n_without bigint not null,
    median_with double,
    median_without double,
    uplift double,
    ci_low double,
    ci_high double
);
