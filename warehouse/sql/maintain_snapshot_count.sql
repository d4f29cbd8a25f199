select count(*) from ducklake_snapshots($1)
