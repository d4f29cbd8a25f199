-- Only run when some staged postings already exist (saves four scans per batch).
delete from postings where posting_id in (select posting_id from extract_previous);
delete from posting_salaries where posting_id in (select posting_id from extract_previous);
delete from posting_skills where posting_id in (select posting_id from extract_previous);
delete from posting_countries where posting_id in (select posting_id from extract_previous)
