-- Per source (not deduplicated): postings, seen period, the attribution link its terms require.
create or replace view source_summary as
with attribution as (
    select source, min(attribution_url) as attribution_url
    from raw_postings
    where attribution_url is not null
    group by source
)
select
    p.source,
    count(*) as postings,
    min(p.first_seen) as first_seen,
    max(p.last_seen) as last_seen,
    any_value(a.attribution_url) as attribution_url
from postings p
left join attribution a using (source)
group by p.source
