-- One validation answer (a probe crawl of one board): valid, invalid, or still candidate.
update boards set status = $status, last_checked = $checked_at::timestamp
where ats = $ats and board_key = lower($board) and status in ('candidate', 'invalid')
