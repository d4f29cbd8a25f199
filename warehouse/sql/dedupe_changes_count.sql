-- Postings whose cluster changes (dedupe_changes): none means nothing to apply.
select count(*) from dedupe_changes
