-- $1 first row, $2 end row (exclusive): one page of the pending temp table.
select * exclude (rn) from pending where rn >= $1 and rn < $2 order by rn
