-- Landed posting versions discovery has not read yet, that mention a board domain at all
-- (the rest cannot link a board; the test is cheap next to parsing every text).
select
    r.posting_id, r.source, r.board, r.crawl_date, r.url, r.attribution_url,
    r.description_html, r.description_text
from raw_postings r
where r.landing_file not in (select landing_file from boards_scanned)
    and regexp_matches(
        concat_ws(' ', r.url, r.attribution_url, r.description_html, r.description_text),
        $pattern
    )
order by r.crawl_date, r.posting_id
