-- Expire the snapshots older than the retention; one row per expired snapshot.
select snapshot_id from ducklake_expire_snapshots($1, older_than => $2)
