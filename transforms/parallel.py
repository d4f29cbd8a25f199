"""Extraction over N worker processes: ordered output, bounded memory.

Records are cut into chunks; at most `2 * workers` chunks are in flight, so memory stays
flat however long the input is. Each worker process builds its own Extractor once (the
pipeline is not shipped between processes: `nlp.pipe(n_process=2)` was measured 8x slower
than this). Processes start with `forkserver` where the platform has it, else `spawn`,
so nothing of the parent's state (threads, open connections) leaks into workers.

pyarrow is imported by the Arrow-table path alone (`extract_tables`, the warehouse's): the
records path of `promptjobs extract` never loads it, in its parent or its workers (about
40 MB of RSS in each of the three processes).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from common.parent_watch import watch_owner

if TYPE_CHECKING:
    import pyarrow as pa

    from transforms.extract import Extractor

T = TypeVar("T")
_worker_extractor: Extractor | None = None
_worker_batch_size = 64


def _init_worker(fx_csv_text: str | None, batch_size: int, owner_pid: int) -> None:
    global _worker_extractor, _worker_batch_size
    from transforms.extract import Extractor

    # A worker's parent is the forkserver, not the process that asked for the work, and
    # nothing tells a worker when that process is SIGKILLed: it would wait on its queue
    # forever, keeping the forkserver and resource tracker alive too. Watch the owner.
    watch_owner(owner_pid, lambda: os._exit(1))
    # Ctrl-C reaches the whole process group: the owner stops the pool, a worker must not
    # print its own KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    _worker_extractor = Extractor(fx_csv_text)
    _worker_batch_size = batch_size


def _extract_chunk(chunk: list[dict]) -> list[dict]:
    assert _worker_extractor is not None, "worker not initialised"
    return list(_worker_extractor.extract_many(chunk, batch_size=_worker_batch_size))


def resolve_workers(workers: int | None) -> int:
    """0 or None = one per core; never below 1."""
    if not workers or workers < 0:
        return max(1, os.cpu_count() or 1)
    return workers


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def extract_parallel(
    records: Iterable[dict],
    workers: int = 0,
    batch_size: int = 64,
    fx_csv_text: str | None = None,
) -> Iterator[dict]:
    """Extract `records` in order over `workers` processes (<=1: in this process;
    0: one per core). The output is the same whatever `workers` is."""
    n_workers = resolve_workers(workers)
    batch_size = max(1, int(batch_size))
    if n_workers <= 1:
        # Imported here so a parent that only feeds workers never loads spaCy.
        from transforms.extract import Extractor

        yield from Extractor(fx_csv_text).extract_many(records, batch_size=batch_size)
        return
    iterator = iter(records)
    chunks = iter(lambda: list(islice(iterator, batch_size * 2)), [])
    tasks = ((_extract_chunk, chunk) for chunk in chunks)
    for result in _run_in_order(tasks, n_workers, batch_size, fx_csv_text):
        yield from result


def extract_tables(
    tables: Iterable[pa.Table],
    encode: Callable[[list[dict]], T],
    workers: int = 0,
    batch_size: int = 64,
    fx_csv_text: str | None = None,
) -> Iterator[T]:
    """Extract input records given as Arrow tables (one row per record); yields
    `encode(output records)` chunk by chunk, in input order.

    Arrow -> records -> `encode` runs in the worker processes (a chunk travels as Arrow
    IPC bytes), so the caller, the warehouse writer, makes no Python object per record.
    `encode` must be a module-level function (it is pickled by name).
    """
    n_workers = resolve_workers(workers)
    batch_size = max(1, int(batch_size))
    if n_workers <= 1:
        from transforms.extract import Extractor

        extractor = Extractor(fx_csv_text)
        for table in tables:
            yield encode(list(extractor.extract_many(table.to_pylist(), batch_size=batch_size)))
        return
    chunk_rows = batch_size * 2
    tasks = (
        (_extract_ipc, _to_ipc(table.slice(start, chunk_rows)), encode)
        for table in tables
        for start in range(0, table.num_rows, chunk_rows)
    )
    yield from _run_in_order(tasks, n_workers, batch_size, fx_csv_text)


def _to_ipc(table: pa.Table) -> bytes:
    # The IPC writer copies only the slice's own values (pickling a slice can carry the
    # whole parent table's buffers).
    import pyarrow as pa
    import pyarrow.ipc  # noqa: F401  (pa.ipc is a submodule)

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _extract_ipc(payload: bytes, encode: Callable[[list[dict]], T]) -> T:
    assert _worker_extractor is not None, "worker not initialised"
    import pyarrow as pa
    import pyarrow.ipc  # noqa: F401

    records = pa.ipc.open_stream(payload).read_all().to_pylist()
    return encode(list(_worker_extractor.extract_many(records, batch_size=_worker_batch_size)))


def _run_in_order(
    tasks: Iterable[tuple[Any, ...]], n_workers: int, batch_size: int, fx_csv_text: str | None
) -> Iterator[Any]:
    """Run `(function, *args)` tasks over a pool of extractor workers; results in task
    order, at most `2 * n_workers` tasks in flight (memory stays flat)."""
    max_in_flight = n_workers * 2
    iterator = iter(tasks)
    pending: deque[Future[Any]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=n_workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(fx_csv_text, batch_size, os.getpid()),
    )
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < max_in_flight:
                task = next(iterator, None)
                if task is None:
                    exhausted = True
                    break
                pending.append(pool.submit(*task))
            if not pending:
                return
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
