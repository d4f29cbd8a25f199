-- The staged line of every new version, with its content hash.
select line_no, content_hash as stored_hash from landing_new
