select count(*) from postings where posting_id = canonical_posting_id
