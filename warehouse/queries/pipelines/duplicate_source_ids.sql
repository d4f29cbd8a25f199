-- A job must appear once per (source, source_id) in postings.
select source, source_id, count(*) as copies
from postings
group by source, source_id
having count(*) > 1
order by copies desc, source, source_id
