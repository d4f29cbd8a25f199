"""The change record (migration 016): every statement that writes postings or their skills
records the postings it wrote, because the views and the employer boilerplate compare only
the recorded postings with what they kept. A writer that forgets would leave them stale
with no error, so a new one fails here until it records (or names the file that does)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from promptjobs.settings import Settings

SQL = Path(__file__).resolve().parents[2] / "warehouse" / "sql"
WRITES = re.compile(r"\b(?:update|insert\s+into|delete\s+from)\s+(?:postings|posting_skills)\b")
RECORDS = "insert into posting_changes"
# Writers whose postings another file of the same step records, always run right after.
RECORDED_BY = {
    "extract_delete_previous": "extract_upsert",  # the same postings, loaded again
    "extract_insert_postings": "extract_upsert",
    "extraction_carry_over": "extraction_carry_over_record",
}


def test_every_statement_that_writes_postings_or_their_skills_records_them() -> None:
    writers = {path.stem for path in SQL.glob("*.sql") if WRITES.search(path.read_text())}
    assert {"lifecycle_apply", "dedupe_apply", "boilerplate_apply", "extract_upsert"} <= writers
    unrecorded = [
        stem
        for stem in sorted(writers)
        if RECORDS not in (SQL / f"{RECORDED_BY.get(stem, stem)}.sql").read_text()
    ]
    assert not unrecorded, f"write postings without recording them in posting_changes: {unrecorded}"


def test_a_first_sighting_moved_by_a_file_loaded_late_reaches_the_views(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    # The same content, crawled a week earlier and landed late: no new version, nothing to
    # extract; the lifecycle moves the posting's first_seen, which the views read (a move
    # of last_seen alone they take without fingerprinting the posting).
    landing.write("lever", "2026-10-08", [kit.item("lever", "1", title="Prompt Engineer")])
    kit.refresh(settings)
    landing.write("lever", "2026-10-01", [kit.item("lever", "1", title="Prompt Engineer")])
    kit.refresh(settings)
    with settings.open_warehouse().reader() as con:
        facts = con.sql("select first_seen::varchar, last_seen::varchar from posting_facts")
        assert facts.fetchall() == [("2026-10-01", "2026-10-08")]
        assert con.sql("select count(*) from posting_changes").fetchall() == [(0,)]
