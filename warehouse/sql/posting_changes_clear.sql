-- The change record (migration 016) is read: every step that keeps state over the
-- postings has compared the recorded ones with it (the views last).
delete from posting_changes
