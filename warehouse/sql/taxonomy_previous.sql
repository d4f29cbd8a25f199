-- The taxonomy as stored before this refresh replaces it (extraction_handoff.py).
select skill_id, name, category, family, aliases from skills
