-- Delete files under the data path that the catalog does not know, older than $3; $2 = dry run.
select path from ducklake_delete_orphaned_files($1, dry_run => $2, older_than => $3)
