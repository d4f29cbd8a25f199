update boards set accepted_at = coalesce(accepted_at, $accepted_at::timestamp)
where status = 'valid' and ($ats is null or ats = $ats) and ($board is null or board_key = lower($board))
