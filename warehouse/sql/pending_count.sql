select count(*) from pending
