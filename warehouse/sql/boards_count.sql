select count(*) from boards
