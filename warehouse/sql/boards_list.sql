select
    ats, token, site, board, status, company, found_in_posting_id, found_count, first_seen,
    last_checked, last_ok, postings_last_crawl, accepted_at
from boards
where ($status is null or status = $status) and ($ats is null or ats = $ats)
order by ats, status, board_key
