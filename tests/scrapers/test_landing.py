from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from scrapers.landing import LandingWriter, new_run_id, partition_dir, read_landing


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
