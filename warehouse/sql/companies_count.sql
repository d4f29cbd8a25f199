select count(*) from companies
