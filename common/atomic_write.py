"""Atomic file writes: the content goes to a hidden temporary file next to the target,
which replaces the target in one `os.replace` once it is complete. A reader sees the old
file or the new one, never half of one; a failure leaves the target as it was and no
temporary file behind."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any


class NotARegularFile(OSError):
    """The target exists and is not a regular file (a folder, symlink, FIFO, device...):
    renaming over it would replace the node itself, so nothing is written."""


def check_replaceable(path: Path) -> None:
    """Raise NotARegularFile unless `path` is a regular file or does not exist yet."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(f"{path} is not a regular file: give a file path to write")


class AtomicFile:
    """`with AtomicFile(path) as fh: fh.write(...)` replaces `path` when the block ends
    without an error. For a file written over a longer life (a crawl's landing file),
    call `commit()` or `abort()` yourself. `fsync=True` flushes the data to disk before
    the rename (for files that must survive a power cut, such as landing files)."""

    def __init__(
        self, path: Path, mode: str = "wb", *, encoding: str | None = None, fsync: bool = False
    ) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(
            f".{self.path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
        )
        self._fsync = fsync
        self.file: IO[Any] = open(self.tmp, mode, encoding=encoding)  # noqa: SIM115
        self.done = False

    def commit(self) -> Path:
        """Close the temporary file and move it onto the target."""
        try:
            if self._fsync:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            check_replaceable(self.path)  # nothing swapped in while the content was written
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise
        self.done = True
        return self.path

    def abort(self) -> None:
        """Drop what was written; the target stays as it was."""
        self.file.close()
        self.tmp.unlink(missing_ok=True)
        self.done = True

    def __enter__(self) -> IO[Any]:
        return self.file

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_atomic(path: Path, data: bytes | str, *, fsync: bool = False) -> Path:
    """Write `data` (text is UTF-8) to `path` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with AtomicFile(path, "wb", fsync=fsync) as fh:
        fh.write(payload)
    return Path(path)


def write_atomic_with(path: Path, write: Callable[[IO[bytes]], object]) -> Path:
    """Atomically write what `write(file)` writes into the binary file it is given."""
    with AtomicFile(path, "wb") as fh:
        write(fh)
    return Path(path)
