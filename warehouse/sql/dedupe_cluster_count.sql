select count(distinct canonical_posting_id) from dedupe_members
