"""Crash safety, small version of benchmarks/crash_trials.py (which runs 20+ trials).

A refresh killed with SIGKILL leaves the warehouse as it was or complete, never half
loaded, and a re-run equals an uninterrupted run. A crawl whose parent is killed stops by
itself and lands what it finished."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fault_server import FaultServer

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import crash_trials  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)

REFRESH = crash_trials.cli("refresh", "--no-crawl", "--no-report")


@pytest.fixture(scope="module")
def landed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo boards of one snapshot day, landed by the real spiders."""
    home = tmp_path_factory.mktemp("landed") / "home"
    assert crash_trials.land_demo(home, days=1) > 200
    return home / "landing"


def test_a_killed_refresh_leaves_no_half_load_and_a_rerun_equals_a_clean_run(
    landed: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "ref" / "home"
    shutil.copytree(landed, reference / "landing")
    seconds = crash_trials.run_to_end(REFRESH, reference)
    want = crash_trials.snapshot(reference / "warehouse.duckdb")
    assert len(want["postings"]) > 200

    rng = random.Random(8)
    # One kill early (startup or ingest), one in the second half (extraction or later).
    for n, delay in enumerate((rng.uniform(0.5, seconds / 2), rng.uniform(seconds / 2, seconds))):
        home = tmp_path / f"trial-{n}" / "home"
        shutil.copytree(landed, home / "landing")
        crash_trials.kill_after(REFRESH, home, delay, crash_trials.PHASES)
        db = home / "warehouse.duckdb"
        assert crash_trials.warehouse_state(db, {"complete": want}) in ("absent", "complete")
        crash_trials.run_to_end(REFRESH, home)
        assert crash_trials.differences(crash_trials.snapshot(db), want) == []
        assert not list(home.glob("warehouse.duckdb.tmp-*"))


CRAWL_PARENT = """
import sys
from datetime import date
from pathlib import Path
from promptjobs.settings import load_settings
from scrapers.run import crawl

settings = load_settings({{"home": Path({home!r})}}, environ={{}})
crawl(settings.crawl_config(), ["greenhouse"], boards={{"greenhouse": ["acme", "stall", "recovered"]}},
      api_base={url!r}, crawl_date=date(2026, 9, 7), progress=False,
      scrapy_settings={{"DOWNLOAD_TIMEOUT": 120, "RETRY_TIMES": 0, "CONCURRENT_REQUESTS": 1}})
"""


def crawl_children(home: Path) -> list[int]:
    """Running `scrapers.child` processes whose spec file lies in this home's jobs folder."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "scrapers.child" in cmdline and str(home / "jobs") in cmdline:
                found.append(int(entry.name))
    return found


def test_a_crawl_whose_parent_is_killed_stops_and_lands_what_it_finished(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # One request at a time: acme, then `stall` (answers after 4 s), then `recovered`.
    with FaultServer(stall_s=4) as server:
        script = textwrap.dedent(CRAWL_PARENT).format(home=str(home), url=server.url)
        parent = subprocess.Popen(
            [sys.executable, "-c", script],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while server.hits["/v1/boards/stall/jobs"] == 0 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert server.hits["/v1/boards/stall/jobs"] == 1, "the crawl never started"
            [child] = crawl_children(home)
        finally:
            parent.send_signal(signal.SIGKILL)
            parent.wait()
        deadline = time.monotonic() + 20
        while crawl_children(home) and time.monotonic() < deadline:
            time.sleep(0.2)
        leftover = crawl_children(home)
        for pid in leftover:  # never leave our own orphan behind, even when failing
            os.kill(pid, signal.SIGKILL)
        assert not leftover, f"crawl child {child} kept running after its parent was killed"
    [stats_file] = (home / "landing").rglob("*.stats.json")
    stats = json.loads(stats_file.read_text())
    # Like Ctrl-C: the request in flight is finished and landed, nothing new is started.
    assert stats["close_reason"] == "shutdown"
    assert stats["boards_ok"] == ["acme", "stall"] and stats["boards_failed"] == ["recovered"]
    assert server.hits["/v1/boards/recovered/jobs"] == 0
    assert not [p for p in (home / "landing").rglob("*") if p.name.endswith(".tmp")]


EXTRACT_PARENT = """
import itertools, sys
from transforms.parallel import extract_parallel

records = ({"id": str(n), "title": "Prompt Engineer", "text": "Python and evals. " * 50}
           for n in itertools.count())
for n, _ in enumerate(extract_parallel(records, workers=2, batch_size=16)):
    if n == 100:
        print("extracting", flush=True)
"""


def test_extraction_workers_exit_when_the_refresh_is_killed(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(EXTRACT_PARENT)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == b"extracting"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while crash_trials.group_members(parent.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    leftover = crash_trials.group_members(parent.pid)
    for pid in leftover:  # never leave our own orphans behind
        os.kill(pid, signal.SIGKILL)
    assert leftover == []
