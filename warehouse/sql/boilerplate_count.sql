select count(*) from employer_boilerplate
