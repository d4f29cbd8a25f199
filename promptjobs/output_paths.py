"""What an output option may name, checked before any work is done.

The writers write a temporary file and rename it over the target, which is right for a
regular file (a reader never sees half of it) and wrong for anything else: renamed over
`/dev/null`, a FIFO, a device or a symlink, it replaces the node itself. So:

- `-`, and any path that is the process's own stdout (`/dev/stdout`, `/dev/fd/1`, or a
  file stdout is redirected to), is written through to stdout;
- a regular file, or a name that does not exist yet, is written atomically;
- anything else (folder, symlink, FIFO, device, socket) is refused with one line.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

STDOUT = "-"


class OutputPathError(Exception):
    """An output option that names something the program must not replace."""


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _is_own_stdout(path: Path) -> bool:
    try:
        target = os.stat(path)
        ours = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (target.st_dev, target.st_ino) == (ours.st_dev, ours.st_ino)


def output_file(raw: str | Path, option: str = "-o") -> Path | None:
    """The regular file to write atomically, or None to write through to stdout.

    Raises OutputPathError (one line saying what to give instead) for anything else.
    """
    if str(raw) == STDOUT:
        return None
    path = Path(raw)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        parent = path.parent
        if parent.exists() and not parent.is_dir():
            raise OutputPathError(
                f"cannot write {path}: {parent} is not a folder; give a file path for {option}"
            ) from None
        return path
    except NotADirectoryError:
        raise OutputPathError(
            f"cannot write {path}: a part of that path is not a folder; "
            f"give a file path for {option}"
        ) from None
    if stat.S_ISREG(mode):
        return path
    if _is_own_stdout(path):
        return None
    advice = (
        f"give a file name inside it, e.g. {path / 'out'}"
        if stat.S_ISDIR(mode)
        else f"give a regular file for {option}, or `{option} -` for stdout"
    )
    raise OutputPathError(f"will not write {path}: it is {_kind(mode)}; {advice}")


def output_folder(raw: str | Path, option: str = "the output folder") -> Path:
    """A folder to write files into: an existing folder (a symlink to one is fine: the
    files go inside it) or a new name; refuses a file, device or FIFO in its place."""
    path = Path(raw)
    if path.is_dir():
        return path
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.lexists(path):
            raise OutputPathError(
                f"will not write into {path}: it is a broken symbolic link; "
                f"remove it or give another folder for {option}"
            ) from None
        return path
    except NotADirectoryError:
        raise OutputPathError(
            f"will not write into {path}: a part of that path is not a folder"
        ) from None
    raise OutputPathError(
        f"will not write into {path}: it exists and is {_kind(mode)}, not a folder; "
        f"give a new or existing folder for {option}"
    )
