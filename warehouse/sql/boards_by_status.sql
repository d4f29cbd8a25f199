-- How many boards the frame holds per status.
select status, count(*) from boards group by status order by status
