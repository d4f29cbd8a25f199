-- The taxonomy's part of what the bases were built with (views_incremental.views_hash).
select count(*), coalesce(bit_xor(hash(skill_id, family)), 0) from skills
