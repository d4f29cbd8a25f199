-- Each block's signature now: what the matching reads of its postings, but the end of
-- their seen period (last_seen moves on every sighting, and matters only through the
-- gaps, checked below).
create or replace temp table dedupe_signatures as
select
    r.company_key,
    bit_xor(hash(r.posting_id, r.source, t.norm, r.country, r.city, r.start_day)) as signature,
    count(*) as postings
from dedupe_rows r
join dedupe_titles t using (title)
group by r.company_key
