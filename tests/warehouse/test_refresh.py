"""A refresh is one transaction: re-running it changes nothing, and a refresh killed with
SIGKILL halfway leaves the previous warehouse, and re-running it equals a clean run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from promptjobs.settings import Settings, load_settings

# Their writes exercise the catalog's transactions: they run on the Postgres catalog too.
pytestmark = pytest.mark.postgres_catalog

REPO = Path(__file__).resolve().parents[2]
TESTS_DIR = Path(__file__).resolve().parent


def two_weeks(landing, kit: SimpleNamespace) -> tuple[list, list]:
    week1 = [
        kit.item(
            "greenhouse",
            str(i),
            title=f"Prompt Engineer {i}",
            compensation=kit.usd(150000 + i, 200000),
        )
        for i in range(6)
    ] + [kit.item("hn", "h1", board="41", title="Prompt Engineer 1")]
    # Week 2: four postings still up (two of them edited), two new, one gone.
    week2 = (
        week1[:2]
        + [dict(item, description_text="now with python and rag") for item in week1[2:4]]
        + [kit.item("greenhouse", str(i), description_text="rag and evals") for i in (6, 7)]
    )
    return week1, week2


def test_running_the_same_landing_files_twice_changes_nothing(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    week1, week2 = two_weeks(landing, kit)
    landing.write("greenhouse", "2026-10-01", week1[:-1])
    landing.write("hn", "2026-10-02", week1[-1:])
    landing.write("greenhouse", "2026-10-08", week2)
    first = kit.refresh(settings)
    snapshot = kit.snapshot(settings.open_warehouse())
    second = kit.refresh(settings)

    assert kit.snapshot(settings.open_warehouse()) == snapshot
    assert (first.landing_files, first.extracted, first.new_postings) == (3, 9, 9)
    assert (first.clusters, first.closed_postings) == (1, 2)
    assert (second.landing_files, second.raw_rows_new, second.extracted) == (0, 0, 0)
    assert second.postings_total == 9 and second.new_postings == 0


def test_a_new_extractor_version_re_extracts_and_is_recorded(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "1"), kit.item("lever", "2")])
    kit.refresh(settings)
    upgraded = kit.refresh(settings, "fake-2")
    with settings.open_warehouse().reader() as con:
        runs = con.sql(
            "select extraction_run_id, postings from extraction_runs order by 1"
        ).fetchall()
        versions = con.sql("select distinct extractor_version from postings").fetchall()
    assert upgraded.extracted == 2
    assert runs == [("fake-1#1", 2), ("fake-2#1", 2)]
    assert versions == [("fake-2",)]


def test_progress_is_reported_and_the_summary_is_a_dict(
    settings: Settings, landing, kit: SimpleNamespace
) -> None:
    landing.write("lever", "2026-10-01", [kit.item("lever", "1")])
    messages: list[str] = []
    summary = kit.refresh(settings, progress=messages.append)
    assert any(m.startswith("ingested 1 landing file") for m in messages)
    as_dict = summary.as_dict()
    assert as_dict["postings_total"] == 1 and as_dict["views"] >= 13


CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {tests_dir!r})
import conftest
from promptjobs.settings import load_settings
from warehouse.refresh import per_record, run_refresh

marker = Path({marker!r})

def slow_extract(records):
    for record in records:
        yield conftest.fake_extract_one(record)
        slow_extract.n += 1
        if slow_extract.n == 3:
            marker.write_text("mid-load")  # ingest is written, extraction under way
        if slow_extract.n >= 3:
            time.sleep(0.5)

slow_extract.n = 0
settings = load_settings({{"home": {home!r}}}, environ={{}})
run_refresh(settings.open_warehouse(), settings.landing_dir, per_record(slow_extract), "fake-1", conftest.TAXONOMY, batch_size=2, source_priority=conftest.SOURCE_PRIORITY)
"""


def test_a_refresh_killed_mid_transaction_then_rerun_equals_a_clean_run(
    tmp_path: Path, settings: Settings, landing, kit: SimpleNamespace
) -> None:
    week1, week2 = two_weeks(landing, kit)
    landing.write("greenhouse", "2026-10-01", week1[:-1], run_id="20261001T060000-00000001")
    landing.write("hn", "2026-10-02", week1[-1:], run_id="20261002T060000-00000002")
    clean_home = tmp_path / "clean"
    shutil.copytree(settings.home / "landing", clean_home / "landing")
    clean = load_settings({"home": clean_home}, environ={})

    kit.refresh(settings)
    kit.refresh(clean)
    before_kill = kit.snapshot(settings.open_warehouse())

    landing.write("greenhouse", "2026-10-08", week2, run_id="20261008T060000-00000003")
    shutil.copytree(settings.home / "landing", clean_home / "landing", dirs_exist_ok=True)

    marker = tmp_path / "marker"
    script = tmp_path / "child.py"
    script.write_text(
        textwrap.dedent(CHILD).format(
            tests_dir=str(TESTS_DIR), marker=str(marker), home=str(settings.home)
        )
    )
    child = subprocess.Popen(
        [sys.executable, str(script)], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(REPO)}
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the child refresh ended before it was killed"
            assert time.monotonic() < deadline, "the child refresh never got going"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    # The killed refresh left the previous warehouse exactly as it was.
    assert kit.snapshot(settings.open_warehouse()) == before_kill

    kit.refresh(settings)
    kit.refresh(clean)
    after = kit.snapshot(settings.open_warehouse())
    assert after == kit.snapshot(clean.open_warehouse())
    assert after != before_kill
    assert not list(settings.open_warehouse().path.parent.glob("*.tmp-*"))
