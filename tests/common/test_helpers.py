"""The one helper each for atomic writes, USD amounts and watching an owner process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from common.atomic_write import AtomicFile, write_atomic
from common.parent_watch import process_is_gone
from common.usd import format_usd


def test_an_atomic_write_replaces_the_target_whole_and_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old")
    write_atomic(target, "new page")
    assert target.read_text() == "new page"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old")
    with pytest.raises(RuntimeError), AtomicFile(target, "w", encoding="utf-8") as fh:
        fh.write("half of it")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_a_long_lived_atomic_file_is_invisible_until_committed(tmp_path: Path) -> None:
    target = tmp_path / "run.jsonl.gz"
    pending = AtomicFile(target, "wb", fsync=True)
    pending.file.write(b"line\n")
    assert not target.exists()
    pending.commit()
    assert target.read_bytes() == b"line\n"
    other = AtomicFile(tmp_path / "dropped", "wb")
    other.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.jsonl.gz"]


@pytest.mark.parametrize(
    ("value", "thousands", "shown"),
    [
        (140000, False, "$140,000"),
        (1234.5, False, "$1,234"),
        (175000, True, "$175k"),
        (None, False, "n/a"),
    ],
)
def test_usd_amounts_read_as_the_reports_print_them(value, thousands, shown) -> None:
    assert format_usd(value, thousands=thousands) == shown


def test_a_watched_owner_that_is_killed_ends_its_worker(tmp_path: Path) -> None:
    # owner -> worker; the worker watches the owner (not its parent: a double fork).
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from common.parent_watch import watch_owner
        owner = int(sys.argv[1])
        watch_owner(owner, lambda: (open({str(tmp_path / "gone")!r}, "w").close(), os._exit(3)),
                    every_s=0.05)
        time.sleep(60)
        """
    )
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    worker = subprocess.Popen([sys.executable, "-c", script, str(owner.pid)])
    try:
        time.sleep(1.0)
        assert worker.poll() is None and not process_is_gone(owner.pid)
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait()
        assert worker.wait(timeout=20) == 3
        assert (tmp_path / "gone").exists()
    finally:
        for proc in (owner, worker):
            if proc.poll() is None:
                proc.kill()
