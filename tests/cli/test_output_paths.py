"""Output options never replace what they name unless it is a regular file.

A regular file (or a new name) is written whole and moved into place; `-` and the
process's own stdout (`/dev/stdout`) are written through; a folder, symlink, FIFO or device
is refused with one line before any work, and nothing is left behind. Each case runs the
real `promptjobs` command in a subprocess.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from promptjobs.settings import load_settings

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))
POSTING = {"id": "p1", "title": "Prompt Engineer", "company": "Acme", "text": "Python, RAG."}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    with load_settings({"home": home}, environ={}).open_warehouse().writer() as con:
        con.execute("select 1")  # an empty, migrated warehouse
    return home


def run(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env["PROMPTJOBS_HOME"] = str(home)
    return subprocess.run(
        [PROMPTJOBS, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def make_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe")
    return folder / "pipe"


def make_symlink(folder: Path) -> Path:
    (folder / "precious.txt").write_text("keep me\n")
    (folder / "link").symlink_to(folder / "precious.txt")
    return folder / "link"


def make_folder(folder: Path) -> Path:
    (folder / "a-folder").mkdir()
    return folder / "a-folder"


def make_device(folder: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    os.mknod(folder / "null-device", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return folder / "null-device"


def dev_null(_folder: Path) -> Path:
    return Path("/dev/null")


KINDS: dict[str, Callable[[Path], Path]] = {
    "fifo": make_fifo,
    "symlink": make_symlink,
    "folder": make_folder,
    "device": make_device,
    "/dev/null": dev_null,
}
WORDS = {
    "fifo": "FIFO",
    "symlink": "symbolic link",
    "folder": "folder",
    "device": "character device",
    "/dev/null": "character device",
}


def node_state(path: Path) -> tuple[int, int, int]:
    info = os.lstat(path)
    return (stat.S_IFMT(info.st_mode), info.st_ino, info.st_rdev)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "tmp" in p.name)


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("command", ["sql", "extract"])
def test_a_non_regular_output_is_refused_with_one_line_and_left_as_it_was(
    home: Path, tmp_path: Path, kind: str, command: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = KINDS[kind](folder)
    before = node_state(target)
    if command == "sql":
        args = ["sql", "select 42 as answer", "--format", "csv", "-o", str(target)]
    else:
        posting = tmp_path / "in.jsonl"
        posting.write_text(json.dumps(POSTING) + "\n")
        args = ["extract", str(posting), "-o", str(target), "--workers", "1"]
    # A FIFO opened for writing would block with no reader: the timeout catches that too.
    result = run(home, *args, timeout=60)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: will not write"), result.stderr
    assert WORDS[kind] in lines[0]
    assert "extract:" not in result.stderr  # refused before any work
    assert result.stdout == ""
    assert node_state(target) == before
    if kind == "symlink":
        assert (folder / "precious.txt").read_text() == "keep me\n"
    assert leftovers(folder) == []
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_stdout_is_written_through(home: Path, target: str) -> None:
    result = run(home, "sql", "select 42 as answer", "--format", "csv", "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["answer", "42"]
    assert not (home.parent / "-").exists()  # no file named "-"


def test_parquet_goes_to_stdout_when_asked(home: Path) -> None:
    result = subprocess.run(
        [PROMPTJOBS, "sql", "select 42 as answer", "--format", "parquet", "-o", "-"],
        capture_output=True,
        env={**os.environ, "PROMPTJOBS_HOME": str(home)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout[:4] == b"PAR1" and result.stdout[-4:] == b"PAR1"


def test_a_regular_file_is_replaced_whole_and_nothing_is_left_behind(
    home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "answer.csv"
    target.parent.mkdir()
    target.write_text("old\n")
    result = run(home, "sql", "select 42 as answer", "--format", "csv", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text().split() == ["answer", "42"]
    assert leftovers(tmp_path / "out") == []


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_folder_output_that_is_a_file_is_refused_before_any_work(
    home: Path, tmp_path: Path, command: str
) -> None:
    existing = tmp_path / "passwd"
    existing.write_text("root:x:0:0\n")
    args = ["export", str(existing)] if command == "export" else ["report", "--out", str(existing)]
    result = run(home, *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: will not write into {existing}: it exists and is a file, not a folder; "
        f"give a new or existing folder for {'export' if command == 'export' else '--out'}"
    ]
    assert existing.read_text() == "root:x:0:0\n"


def test_export_refuses_a_fifo_where_a_table_file_belongs(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exported"
    folder.mkdir()
    os.mkfifo(folder / "postings.parquet")
    result = run(home, "export", str(folder), timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {folder / 'postings.parquet'} is not a regular file: remove it or export "
        "to another folder"
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["postings.parquet"]  # nothing written
    assert stat.S_ISFIFO(os.lstat(folder / "postings.parquet").st_mode)
