"""A background thread that runs an iterator a few items ahead of its caller."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


class Prefetch:
    """Runs an iterator in a background thread, up to `depth` items ahead of the caller
    (for work that releases the GIL: DuckDB queries, Arrow and Parquet I/O). Its
    exception reaches the caller in order; leaving early stops the thread."""

    _DONE = object()

    def __init__(self, items: Iterable[Any], depth: int = 1) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(items,), daemon=True)

    def __enter__(self) -> Iterator[Any]:
        self._thread.start()
        return self._items()

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, items: Iterable[Any]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
            self._put(self._DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, which raises it
            self._put(_Failed(exc))

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _items(self) -> Iterator[Any]:
        while True:
            item = self._queue.get()
            if item is self._DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item


@dataclass
class _Failed:
    error: BaseException
