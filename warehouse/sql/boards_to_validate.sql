select ats, board, site from boards where status = 'candidate' order by ats, board_key
