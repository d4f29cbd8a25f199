-- The discovered boards a crawl adds to the registry's: valid ones; under the `review`
-- setting only those a person accepted (`promptjobs boards accept`).
select ats, board, site, first_seen from boards
where status = 'valid' and not in_registry and ($review = false or accepted_at is not null)
order by ats, board_key
