select count(*) from boards
where status = 'valid' and accepted_at is not null
    and ($ats is null or ats = $ats) and ($board is null or board_key = lower($board))
