"""A child process that must not outlive the process it works for: a thread polls that
process and calls `on_gone` once it has exited (a zombie counts as exited). Nothing tells
a child when its owner is SIGKILLed, so without this it would wait forever (an
extraction worker on its queue) or go on alone (a crawl, racing the re-run)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable


def process_is_gone(pid: int) -> bool:
    """True when `pid` has exited (a zombie counts as exited)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return False


def watch_owner(
    owner_pid: int, on_gone: Callable[[], None], *, every_s: float = 0.5
) -> threading.Thread:
    """Start a daemon thread that calls `on_gone()` once `owner_pid` has exited. When the
    owner is this process's parent, being re-parented also counts (the pid may be reused
    by then)."""
    was_parent = os.getppid() == owner_pid

    def gone() -> bool:
        return (was_parent and os.getppid() != owner_pid) or process_is_gone(owner_pid)

    def run() -> None:
        while not gone():
            time.sleep(every_s)
        on_gone()

    thread = threading.Thread(target=run, name="watch-owner", daemon=True)
    thread.start()
    return thread
