-- How many postings the boilerplate step kept what it read of (0: it reads them all).
select count(*) from boilerplate_postings
