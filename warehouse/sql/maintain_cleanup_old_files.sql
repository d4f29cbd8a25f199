-- Delete the files scheduled for deletion before $3 (merged away, expired); $2 = dry run.
select path from ducklake_cleanup_old_files($1, dry_run => $2, older_than => $3)
