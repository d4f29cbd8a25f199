select id, title, company, location, text, posted_at, compensation, compensation_ranges,
       remote_hint, source
from pending
where rn >= $1 and rn < $2
order by rn
