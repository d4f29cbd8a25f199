from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest

from scrapers.landing import LandingWriter, new_run_id, partition_dir, read_landing
from scrapers.records import LANDING_MODEL_ID, ValidLandingRecord, file_sha256, seal_holds


def test_run_ids_sort_by_time_and_never_repeat():
    ids = {new_run_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"\d{8}T\d{6}-[0-9a-f]{8}", i) for i in ids)


def test_the_partition_is_built_from_source_and_date_only(tmp_path: Path):
    folder = partition_dir(tmp_path, "lever", date(2026, 9, 7))
    assert folder == tmp_path / "source=lever" / "date=2026-09-07"
    with pytest.raises(ValueError, match="unknown source"):
        partition_dir(tmp_path, "../../etc", date(2026, 9, 7))


def test_a_landing_file_appears_complete_and_its_stats_file_last(tmp_path: Path):
    writer = LandingWriter(tmp_path, "greenhouse", date(2026, 9, 7), "20260907T060000-0000abcd")
    writer.write({"source": "greenhouse", "source_id": "1", "title": "Prompt Engineer ✓"})
    writer.write({"source": "greenhouse", "source_id": "2", "title": "AI Trainer"})
    visible = [p.name for p in writer.directory.iterdir() if not p.name.startswith(".")]
    assert visible == [], "nothing is visible under a final name before close"
    writer.close({"run_id": writer.run_id, "items": 2})
    names = sorted(p.name for p in writer.directory.iterdir())
    assert names == ["20260907T060000-0000abcd.jsonl.gz", "20260907T060000-0000abcd.stats.json"]
    assert [r["source_id"] for r in read_landing(writer.path)] == ["1", "2"]
    assert read_landing(writer.path)[0]["title"] == "Prompt Engineer ✓"
    assert json.loads(writer.stats_path.read_text())["items"] == 2


def test_one_run_never_overwrites_another(tmp_path: Path):
    first = LandingWriter(tmp_path, "hn", date(2026, 9, 7), "20260907T060000-00000001")
    first.close({"items": 0})
    with pytest.raises(FileExistsError):
        LandingWriter(tmp_path, "hn", date(2026, 9, 7), "20260907T060000-00000001")


def test_an_aborted_run_leaves_nothing_behind(tmp_path: Path):
    writer = LandingWriter(tmp_path, "ashby", date(2026, 9, 7), "20260907T060000-00000002")
    writer.write({"source_id": "1"})
    writer.abort()
    assert list(writer.directory.iterdir()) == []


def _valid(source_id: str) -> ValidLandingRecord:
    """A record as the validation pipeline hands it on."""
    return ValidLandingRecord({"source": "lever", "source_id": source_id, "title": "AI Trainer"})


def test_a_file_of_validated_records_is_sealed_with_the_model_and_its_digest(tmp_path: Path):
    writer = LandingWriter(tmp_path, "lever", date(2026, 9, 7), "20260907T060000-0000seal")
    writer.write(_valid("1"))
    writer.write(_valid("2"))
    writer.close({"items": 2})
    seal = json.loads(writer.stats_path.read_text())["landing_seal"]
    assert seal == {"model": LANDING_MODEL_ID, "sha256": file_sha256(writer.path), "lines": 2}
    assert seal_holds(seal, writer.path)


def test_one_record_the_model_did_not_see_leaves_the_file_unsealed(tmp_path: Path):
    writer = LandingWriter(tmp_path, "lever", date(2026, 9, 7), "20260907T060000-0000open")
    writer.write(_valid("1"))
    writer.write({"source": "lever", "source_id": "2", "title": "AI Trainer"})
    writer.close({"items": 2})
    assert "landing_seal" not in json.loads(writer.stats_path.read_text())


def test_a_seal_no_longer_holds_once_a_byte_changed_or_the_model_did(tmp_path: Path):
    writer = LandingWriter(tmp_path, "lever", date(2026, 9, 7), "20260907T060000-0000edit")
    writer.write(_valid("1"))
    writer.close({"items": 1})
    seal = json.loads(writer.stats_path.read_text())["landing_seal"]
    assert not seal_holds({**seal, "model": "0" * 16}, writer.path)
    assert not seal_holds(None, writer.path)
    writer.path.write_bytes(gzip.compress(b'{"source": "lever", "source_id": "1", "title": 42}\n'))
    assert not seal_holds(seal, writer.path)
