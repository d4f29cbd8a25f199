-- The first row of posting_latest that a posting loaded now is in: the ingest appends the
-- rows of the versions it lands (posting_latest_update.sql), so on a daily refresh they
-- are the table's last few row groups, and extract_insert_postings.sql reads from here on
-- (a rowid filter skips whole row groups: 0.2 -> 0.1 s for 15k of 1M postings). Null when
-- none is (the insert then reads nothing). The rowids hold from here to the insert: DuckDB
-- moves rows only when a checkpoint vacuums, and nothing is written in between; a
-- DuckLake row id never moves.
select min(rowid) from posting_latest where posting_id in (select posting_id from extract_final)
