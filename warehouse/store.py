"""The DuckDB warehouse: one writer at a time, readers never blocked, migrations on connect.

Design (docs/data-model.md, "Concurrency"):
- A writer takes an exclusive `flock` on `<db>.lock`. A second writer waits up to
  `lock_timeout_s`, then fails with one line saying another refresh is running. This is
  what turns DuckDB's "Could not set lock on file" into an orderly queue.
- For a file database the writer copies the current file to `<db>.tmp-<pid>` in the same
  folder (a reflink clone where the filesystem has them, `copy_database`), applies
  migrations and the whole load there (the copy is the transaction: nobody sees it before
  the swap), checkpoints, closes, fsyncs and `os.replace`s the copy onto the real name.
  Readers open the real name, so they read the previous state while a refresh runs and
  never see half a load; a SIGKILL leaves the previous file untouched (the stale copy is
  removed next time).
- For `md:` (MotherDuck) targets the writer is a plain transaction on the remote database.
- For `ducklake:` targets (warehouse/lake.py) the writer is one in-memory DuckDB connection
  with the lake attached: migrations and the whole refresh run in ONE DuckLake transaction,
  committed at the end (no copy, no swap: readers keep reading the previous snapshot).
  The flock still orders writers on this machine; writers on other machines (Postgres
  catalog) are ordered by DuckLake's own optimistic concurrency (a conflicting commit
  fails and the refresh can be run again). Readers attach READ_ONLY; their file access is
  limited to the lake's data path (and the SQLite catalog), the configuration locked.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import random
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse import lake as lakes
from warehouse.sqlfiles import sql_text

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DEFAULT_LOCK_TIMEOUT_S = 60.0
# DuckDB's own budget in the writer (it spills beyond); with 1GB the whole refresh of 1M
# postings peaked at 1.7 GB RSS, with 768MB at 1.5 GB and no slower.
WRITER_MEMORY_LIMIT = "768MB"
# A DuckLake writer holds what its open transaction wrote in DuckDB's in-memory tables
# until the commit (spilled when over budget, but pinned while a statement reads it): with
# 768MB a 1M-posting first load failed to pin a block while inserting the postings; with
# 1.5GB it loads (peak RSS 3.9 GB, most of it outside DuckDB's budget).
LAKE_WRITER_MEMORY_LIMIT = "1536MB"
# The storage format of a new warehouse file. DuckDB defaults to the v1.0.0 format, which
# every DuckDB since 1.0 can read; the 1.5 format's string compression wrote the million
# postings' tables 24% faster at the same size (benchmarks/warehouse.py). The file then
# needs DuckDB >= 1.5 to open (README). A file keeps the format it was created with.
STORAGE_VERSION = "v1.5.0"

# Readers get no way out of the database file: no file access, no extension installs,
# and a locked configuration so a query cannot switch these back on.
# DuckLake's error when a commit conflicts with another writer's (measured on a Postgres
# catalog: two writers that changed the same tables); the transaction is rolled back and
# the writer can run its unit of work again on the new snapshot.
CONFLICT_MARK = "Failed to commit DuckLake transaction"
# A conflicting unit of work is run at most this many times in all, sleeping a random
# 0 .. RETRY_BASE_S * 2**(attempt-1) seconds between attempts (full jitter), so two
# writers that keep colliding drift apart.
WRITE_ATTEMPTS = 5
RETRY_BASE_S = 0.5

T = TypeVar("T")

READER_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


class WarehouseError(Exception):
    """A problem the user can fix; the message is one line saying what to do."""


class WarehouseBusy(WarehouseError):
    """Another process holds the writer lock."""


class WarehouseMissing(WarehouseError):
    """There is no warehouse yet."""


class WarehouseConflict(WarehouseError):
    """Every attempt of a unit of work conflicted with another writer's commit."""


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit that lost to a concurrent writer's (safe to run again)."""
    return isinstance(exc, duckdb.TransactionException) and CONFLICT_MARK in str(exc)


def migration_files() -> list[tuple[int, str, Path]]:
    """(version, name, path) of every `migrations/NNN_name.sql`, in version order."""
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(path.name[:3])
        found.append((version, path.stem[4:], path))
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration (0 on an empty database)."""
    exists = con.sql(sql_text("schema_version_exists")).fetchall()[0][0]
    if not exists:
        return 0
    return con.sql(sql_text("schema_version_current")).fetchall()[0][0]


def apply_migrations(con: duckdb.DuckDBPyConnection, up_to: int | None = None) -> list[int]:
    """Apply every migration not applied yet, in version order (optionally only those up
    to `up_to`); return their versions.

    Runs on the writer's working copy (or inside its transaction for `md:`), so a failed
    migration changes nothing anyone can see.
    """
    con.execute(sql_text("schema_version"))
    # Every version missing from schema_version, not only those above the highest: a
    # migration numbered lower than one already applied (two branches merged in the other
    # order) would otherwise be skipped for good on that warehouse.
    done = {row[0] for row in con.sql(sql_text("schema_version_applied")).fetchall()}
    applied = []
    for version, name, path in migration_files():
        if version in done or (up_to is not None and version > up_to):
            continue
        con.execute(path.read_text(encoding="utf-8"))
        con.execute(
            sql_text("schema_version_record"),
            [version, name, datetime.now(UTC).replace(tzinfo=None)],
        )
        applied.append(version)
    return applied


class Warehouse:
    """The warehouse at `target`: a DuckDB file path, `md:NAME` for MotherDuck, or
    `ducklake:sqlite:<path>` / `ducklake:postgres:<conninfo>` with `lake_data_path`.

    `lock_dir` holds the writer lock of an `md:` or `ducklake:` target (a file target's
    lock sits next to the file); the caller passes it from its settings (PROMPTJOBS_HOME),
    and `lake_data_path` defaults to `<lock_dir>/lake/`; `lake_store` says where an
    s3:// data path is served (warehouse/lake.py).
    """

    def __init__(
        self,
        target: str | Path,
        lock_dir: Path | None = None,
        lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S,
        lake_data_path: str | Path | None = None,
        snapshot: int | None = None,
        lake_store: lakes.ObjectStore | None = None,
        writer_memory_limit: str | None = None,
    ) -> None:
        self.target = str(target)
        # DuckDB's budget in the writer (a size DuckDB reads, e.g. "2GB"); None: the
        # default of the target (WRITER_MEMORY_LIMIT, LAKE_WRITER_MEMORY_LIMIT).
        self.writer_memory_limit = writer_memory_limit
        # Readers of a DuckLake see this snapshot instead of the newest (`--at`).
        self.snapshot = snapshot
        self.is_motherduck = self.target.startswith("md:")
        self.lock_dir = lock_dir if lock_dir is not None else Path(".")
        self.lock_timeout_s = lock_timeout_s
        # Seconds the last file writer spent on its copy, checkpoint, fsync and swap.
        self.write_timings: dict[str, float] = {}
        # How the last file writer made its working copy: "clone" or "copy" (copy_database).
        self.write_copy = ""
        self.lake: lakes.LakeTarget | None = None
        if lakes.is_lake(self.target):
            data = lake_data_path if lake_data_path is not None else self.lock_dir / "lake"
            self.lake = lakes.parse_target(self.target, data, lake_store)

    def at(self, snapshot: int) -> Warehouse:
        """This warehouse as it was at `snapshot` (readers only; DuckLake targets only)."""
        if self.lake is None:
            raise WarehouseError(
                f"--at needs a DuckLake warehouse ({self.target} is a {self.kind} warehouse, "
                "which keeps only its latest state; its reports name the refresh they were "
                "built from): see PROMPTJOBS_WAREHOUSE=ducklake:... in the README"
            )
        pinned = Warehouse(self.target, self.lock_dir, self.lock_timeout_s, snapshot=snapshot)
        pinned.lake = self.lake
        return pinned

    def snapshot_of(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """The lake snapshot a reader `con` reads (None on a file or md: warehouse, whose
        state is named by its last refresh: report_provenance.extraction_run_id)."""
        return lakes.current_snapshot(con) if self.lake is not None else None

    @property
    def is_lake(self) -> bool:
        return self.lake is not None

    @property
    def kind(self) -> str:
        """`file`, `motherduck`, `ducklake-sqlite` or `ducklake-postgres`."""
        if self.lake is not None:
            return f"ducklake-{self.lake.catalog}"
        return "motherduck" if self.is_motherduck else "file"

    @property
    def path(self) -> Path:
        """The database file (file targets only)."""
        return Path(self.target)

    @property
    def lock_path(self) -> Path:
        if self.lake is not None and self.lake.catalog_file is not None:
            return self.lake.catalog_file.with_name(self.lake.catalog_file.name + ".lock")
        if self.is_motherduck or self.lake is not None:
            # One lock per remote database on this machine; writers on other machines
            # are serialised by MotherDuck's transactions / DuckLake's commits.
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.target)
            return self.lock_dir / f"{safe[:120]}.lock"
        return self.path.with_name(self.path.name + ".lock")

    def exists(self) -> bool:
        if self.lake is not None:
            # A Postgres catalog is created by the first writer; only it can tell.
            return self.lake.catalog_file is None or self.lake.catalog_file.is_file()
        return self.is_motherduck or self.path.is_file()

    # --- writer ---------------------------------------------------------------------
    @contextmanager
    def _writer_lock(self, shared: bool = False) -> Iterator[None]:
        # `shared`: writers that may commit side by side (DuckLake extraction partitions)
        # share the lock with each other, never with an exclusive writer (a refresh).
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+") as handle:
            deadline = time.monotonic() + self.lock_timeout_s
            said_waiting = False
            mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
            while True:
                try:
                    fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not said_waiting:
                        said_waiting = True
                        log.warning(
                            "waiting for the refresh held by pid %s (lock %s; up to %.0f s, "
                            "Ctrl-C to stop)",
                            _lock_holder(handle),
                            self.lock_path,
                            self.lock_timeout_s,
                        )
                    if time.monotonic() >= deadline:
                        raise WarehouseBusy(
                            f"another refresh is writing {self.target} (lock {self.lock_path} "
                            f"held for over {self.lock_timeout_s:.0f} s): wait for it to finish "
                            "and try again"
                        ) from None
                    time.sleep(0.1)
            try:
                if not shared:  # (a shared holder leaves the exclusive holder's pid alone)
                    handle.seek(0)
                    handle.truncate()
                    handle.write(f"{os.getpid()}\n")
                    handle.flush()
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def _remove_stale_copies(self) -> None:
        # Only called with the lock held: any copy left now belongs to a killed writer.
        # (DuckDB's spill folder `<copy>.tmp/` included.)
        for stale in self.path.parent.glob(self.path.name + ".tmp-*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)

    def _remove_foreign_wal(self) -> None:
        # The writer never leaves a WAL beside the real file (it checkpoints its working
        # copy before the swap), so one found there was written by something else (another
        # client opened read-write, or a crafted file) and belongs to the file just
        # replaced: DuckDB would replay it onto the new file on the next open.
        for suffix in (".wal", ".wal.recovery", ".wal.checkpoint"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)

    @contextmanager
    def writer(self, concurrent: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """The single writer: lock, migrations, ONE transaction, atomic swap on success.
        `concurrent` (a DuckLake only): a writer that may run beside other concurrent ones
        on this machine (they share the lock), never beside a plain writer. Running out of
        DuckDB's memory budget (`writer_memory_limit`) fails with one WarehouseError that
        names the setting; nothing is saved."""
        if self.snapshot is not None:
            raise WarehouseError(f"snapshot {self.snapshot} of {self.target} is read-only")
        if concurrent and self.lake is None:
            raise WarehouseError(
                f"{self.target} has one writer at a time: concurrent writers need a DuckLake "
                "target (PROMPTJOBS_WAREHOUSE=ducklake:postgres:...)"
            )
        try:
            with self._writer_lock(shared=concurrent):
                yield from self._target_writer()
        except duckdb.Error as exc:
            oom = out_of_memory(exc)
            if oom is None:
                raise
            # (the working copy or the open transaction is gone: nothing was saved)
            raise WarehouseError(
                f"the writer of {self.target} ran out of its memory budget "
                f"({_first_line(oom)}), nothing was saved: raise "
                "PROMPTJOBS_WRITER_MEMORY_LIMIT (writer_memory_limit in promptjobs.toml, "
                f"now {self._memory_budget()}) and run it again"
            ) from None

    def _memory_budget(self) -> str:
        """A refresh writer's DuckDB budget: the setting, else the target's default."""
        default = LAKE_WRITER_MEMORY_LIMIT if self.lake is not None else WRITER_MEMORY_LIMIT
        return self.writer_memory_limit or default

    def _target_writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The writer of `writer`, its lock held: a transaction, a lake's or a file copy's."""
        if self.is_motherduck:
            yield from self._write_transaction(self.target)
            return
        if self.lake is not None:
            yield from self._lake_transaction(self.lake)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._remove_stale_copies()
        work = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
        timings = self.write_timings = {}
        started = time.perf_counter()
        self.write_copy = ""
        if self.path.exists():
            self.write_copy = copy_database(self.path, work)
        timings["copy"] = time.perf_counter() - started
        try:
            yield from self._write_transaction(str(work))
            started = time.perf_counter()
            _fsync(work)
            timings["fsync"] = time.perf_counter() - started
            started = time.perf_counter()
            os.replace(work, self.path)
            self._remove_foreign_wal()
            _fsync(self.path.parent)
            timings["swap"] = time.perf_counter() - started
        finally:
            work.unlink(missing_ok=True)
            work.with_name(work.name + ".wal").unlink(missing_ok=True)
            shutil.rmtree(work.with_name(work.name + ".tmp"), ignore_errors=True)

    def write(
        self,
        unit: Callable[[duckdb.DuckDBPyConnection], T],
        *,
        attempts: int = WRITE_ATTEMPTS,
        on_retry: Callable[[str], None] | None = None,
        concurrent: bool = False,
    ) -> T:
        """Run `unit(con)` in the writer and commit; when the commit conflicts with another
        writer's (a DuckLake on a shared Postgres catalog), run it again on the new state,
        up to `attempts` times with jittered backoff, then fail with one line.

        `unit` must be a whole unit of work that can run again from the start (every
        promptjobs write is idempotent: a refresh loads only what is not loaded yet). The
        writer lock is released while waiting, so other local writers go first.
        `concurrent`: see `writer`.
        """
        for attempt in range(1, attempts + 1):
            try:
                with self.writer(concurrent) as con:
                    result = unit(con)
                return result
            except duckdb.TransactionException as exc:
                if not is_conflict(exc):
                    raise
                if attempt == attempts:
                    raise WarehouseConflict(
                        f"{self.target}: another writer's commit conflicted with this one "
                        f"{attempts} times in a row, nothing of it was saved: run it again "
                        "once the other writers are done"
                    ) from None
                delay = random.uniform(0.0, RETRY_BASE_S * 2 ** (attempt - 1))
                message = (
                    f"commit conflicted with another writer (attempt {attempt} of "
                    f"{attempts}): running it again in {delay:.1f} s"
                )
                log.warning(message)
                if on_retry is not None:
                    on_retry(message)
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def lake_maintainer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The lake attached read-write under the writer lock, in AUTOCOMMIT: each
        maintenance call commits on its own (DuckLake targets only).

        Not one transaction on purpose (measured on duckdb 1.5.5): in one transaction,
        ducklake_delete_orphaned_files deletes the file the uncommitted
        ducklake_merge_adjacent_files just wrote, and the lake loses that data.
        """
        if self.lake is None:
            raise WarehouseError(f"{self.target} is not a DuckLake warehouse")
        with self.reader():
            pass  # no warehouse yet: the usual one line (and no empty lake is created)
        with self._writer_lock():
            try:
                con = lakes.open_lake(self.lake)
            except duckdb.Error as exc:
                raise WarehouseError(f"cannot open {self.target}: {_first_line(exc)}") from None
            try:
                con.execute("set TimeZone = 'UTC'")
                budget = self.writer_memory_limit or WRITER_MEMORY_LIMIT
                con.execute("set memory_limit = $1", [budget])
                yield con
            finally:
                con.close()

    def compact(self) -> tuple[int, int]:
        """A file warehouse rewritten into a fresh file and swapped in under the writer
        lock; (bytes before, bytes after).

        DuckDB reuses a file's free blocks but never returns them (deleted and updated
        rows leave the file as large as its peak); `COPY FROM DATABASE` into a new file
        writes only what is live, which is DuckDB's own way to shrink a database. Readers
        keep reading the old file until the swap, as with every write.
        """
        if self.is_motherduck or self.lake is not None:
            raise WarehouseError(f"{self.target} is not a warehouse file")
        if not self.exists():
            raise WarehouseMissing(self._missing_message())
        with self._writer_lock():
            self._remove_stale_copies()
            before = self.path.stat().st_size
            work = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}")
            try:
                con = _connect(
                    str(work),
                    self.target,
                    config={"storage_compatibility_version": STORAGE_VERSION},
                )
                try:
                    con.execute(
                        sql_text("compact_attach").replace("{source}", _quote(str(self.path)))
                    )
                    name = con.sql("select current_database()").fetchall()[0][0]
                    con.execute(sql_text("compact_copy").replace("{target}", _ident(name)))
                    con.execute(sql_text("compact_detach"))
                    con.execute("checkpoint")
                finally:
                    con.close()
                _fsync(work)
                os.replace(work, self.path)
                self._remove_foreign_wal()
                _fsync(self.path.parent)
            finally:
                work.unlink(missing_ok=True)
                work.with_name(work.name + ".wal").unlink(missing_ok=True)
            return before, self.path.stat().st_size

    def _write_transaction(self, database: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writing connection whose work becomes visible all at once or not at all.

        `md:` targets: one DuckDB transaction. File targets: the working copy is the
        transaction (nobody else sees it until the swap), so statements autocommit inside
        it; DuckDB scans uncommitted transaction-local rows several times slower
        (measured: one extract batch 170 ms inside a 100k-row transaction, 30 ms after a
        commit), which matters at a million postings.
        """
        remote = database.startswith("md:")
        config = {} if remote else {"storage_compatibility_version": STORAGE_VERSION}
        con = _connect(database, self.target, config=config)
        try:
            # Timestamps without an offset are UTC everywhere in the warehouse.
            con.execute("set TimeZone = 'UTC'")
            if not remote:
                # Keep the refresh inside a bounded memory budget (DuckDB spills beyond
                # it) and checkpoint once at the end instead of whenever the WAL of the
                # working copy passes 16 MB.
                con.execute("set memory_limit = $1", [self._memory_budget()])
                con.execute("set checkpoint_threshold = '64GB'")
                # No row-group vacuum in a refresh's checkpoints: DuckDB's checkpoint merges
                # part-filled row groups and drops deleted rows by rewriting whole row
                # groups of tables the refresh did not touch (the first checkpoint after a
                # million-posting first load rewrote raw_postings for 1.05 s; each daily
                # refresh left 0.5 s of such merges to the next). `promptjobs maintain`
                # (weekly in the schedule) rewrites the whole file compactly instead
                # (Warehouse.compact).
                con.execute("set max_vacuum_tasks = 0")
            if remote:
                con.execute("begin transaction")
            try:
                apply_migrations(con)
                yield con
                if remote:
                    con.execute("commit")
            except BaseException:
                if remote:
                    con.execute("rollback")
                raise
            if not remote:
                # Fold the WAL into the file so the swapped-in file stands alone.
                started = time.perf_counter()
                con.execute("checkpoint")
                self.write_timings["checkpoint"] = time.perf_counter() - started
        finally:
            con.close()

    def _lake_transaction(self, lake: lakes.LakeTarget) -> Iterator[duckdb.DuckDBPyConnection]:
        """Migrations and the whole load in ONE DuckLake transaction, committed at the end."""
        try:
            con = lakes.open_lake(lake)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open {self.target}: {_first_line(exc)}") from None
        try:
            con.execute("set TimeZone = 'UTC'")
            con.execute("set memory_limit = $1", [self._memory_budget()])
            con.execute("begin transaction")
            try:
                apply_migrations(con)
                yield con
                con.execute("commit")
            except BaseException:
                # A failed commit has already ended the transaction.
                with contextlib.suppress(duckdb.Error):
                    con.execute("rollback")
                raise
        finally:
            con.close()

    def _lake_reader(
        self, lake: lakes.LakeTarget, extra_config: dict[str, str | bool] | None
    ) -> duckdb.DuckDBPyConnection:
        """The lake attached READ_ONLY, then file access cut to the lake's own files and
        the configuration locked (what READER_CONFIG does for a file)."""
        try:
            con = lakes.open_lake(lake, read_only=True, snapshot=self.snapshot)
        except duckdb.Error as exc:
            if "creating a new DuckLake is explicitly disabled" in str(exc):
                raise WarehouseMissing(self._missing_message()) from None
            if "No snapshot found" in str(exc):
                raise WarehouseError(self._no_snapshot_message(lake)) from None
            raise WarehouseError(f"cannot open {self.target}: {_first_line(exc)}") from None
        try:
            allowed = [lake.data_path]
            if lake.catalog_file is not None:
                allowed.append(str(lake.catalog_file))
            con.execute("set allowed_paths = $1", [allowed[1:]])
            con.execute("set allowed_directories = $1", [allowed[:1]])
            settings = {**READER_CONFIG, **(extra_config or {})}
            locked = settings.pop("lock_configuration", True)
            # File access goes off last: some settings (temp_directory) refuse to change
            # once it is off.
            external = settings.pop("enable_external_access", False)
            for name, value in settings.items():
                con.execute(f"set {name} = $1", [value])
            con.execute("set enable_external_access = $1", [external])
            if locked:
                con.execute("set lock_configuration = true")
        except BaseException:
            con.close()
            raise
        return con

    def _no_snapshot_message(self, lake: lakes.LakeTarget) -> str:
        newest = lakes.current_snapshot(con := lakes.open_lake(lake, read_only=True))
        con.close()
        return (
            f"{self.target} has no snapshot {self.snapshot}: give one from 0 to {newest} "
            "(every report names the snapshot it was built from)"
        )

    def _missing_message(self) -> str:
        return f"no warehouse at {self.target}: run `promptjobs demo` or `promptjobs refresh` first"

    # --- reader ---------------------------------------------------------------------
    @contextmanager
    def reader(
        self, extra_config: dict[str, str | bool] | None = None
    ) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection with file access and extension loading switched off
        (`extra_config` adds DuckDB settings, e.g. `promptjobs sql`'s memory-only spill)."""
        if not self.exists():
            raise WarehouseMissing(self._missing_message())
        if self.lake is not None:
            con = self._lake_reader(self.lake, extra_config)
            try:
                yield con
            finally:
                con.close()
            return
        foreign_wal = self.path.with_name(self.path.name + ".wal")
        if not self.is_motherduck and foreign_wal.exists():
            # DuckDB would replay it onto what every reader sees (see _remove_foreign_wal).
            raise WarehouseError(
                f"{foreign_wal} was not written by promptjobs (a refresh never leaves one): "
                "delete it, or run `promptjobs refresh --no-crawl`, which removes it"
            )
        if self.is_motherduck:
            # MotherDuck needs its extension and the network, so only read_only applies.
            con = _connect(self.target, self.target, read_only=True)
        else:
            config = {**READER_CONFIG, **(extra_config or {})}
            con = _connect(str(self.path), self.target, read_only=True, config=config)
        try:
            yield con
        finally:
            con.close()


def _lock_holder(handle) -> str:  # type: ignore[no-untyped-def]
    """The pid the lock holder wrote into the lock file ("?" if unreadable)."""
    try:
        handle.seek(0)
        return handle.read().strip() or "?"
    except OSError:
        return "?"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _connect(database: str, shown: str, **options: object) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, with the failures a user can fix as one line naming `shown`."""
    try:
        return duckdb.connect(database, **options)  # type: ignore[arg-type]
    except duckdb.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        first = first.replace(database, shown)  # the writer's working copy is a detail
        if database.startswith("md:"):
            raise WarehouseError(f"cannot open {shown}: {first}") from None
        if "Could not set lock" in first:
            raise WarehouseBusy(
                f"another program has {shown} open for writing: close it (other clients "
                "must open the warehouse read-only) and try again"
            ) from None
        raise WarehouseError(damaged_message(shown, first)) from None


def damaged_message(shown: str, detail: str) -> str:
    """The one line for a warehouse file DuckDB cannot read (truncated, corrupt, not a
    database): the landing files hold everything it was built from."""
    return (
        f"the warehouse {shown} is damaged or not a DuckDB file ({detail}): delete it and "
        "run `promptjobs refresh --no-crawl`, which rebuilds it from the landing files"
    )


def out_of_memory(exc: BaseException) -> BaseException | None:
    """DuckDB's error for running out of its memory budget (a statement's, or an
    autocommit's commit), `exc` itself or the error it was raised while handling (a
    cleanup statement in the aborted transaction fails too: "Current transaction is
    aborted"); None for any other error."""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen)
        if isinstance(seen, duckdb.OutOfMemoryException) or (
            isinstance(seen, duckdb.Error)
            and ("could not allocate block" in text or "failed to pin block" in text)
        ):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def is_damage(exc: BaseException) -> bool:
    """A DuckDB error that means the file itself is damaged (seen at query time)."""
    text = str(exc)
    return isinstance(exc, duckdb.Error) and (
        "Corrupt database file" in text
        or "Could not read enough bytes" in text
        or "not a valid DuckDB database file" in text
    )


# Linux's FICLONE ioctl (_IOW(0x94, 9, int)): the target file shares the source's blocks.
_FICLONE = 0x40049409


def copy_database(source: Path, target: Path) -> str:
    """Copy the database file for a writer: a reflink clone where the filesystem has them
    (XFS, btrfs: instant, and the copy's blocks are shared until the refresh writes them,
    so a refresh stores what it changed), else byte for byte. Returns "clone" or "copy".

    Python's `shutil.copyfile` never clones (it uses sendfile), and `cp --reflink=auto` is
    not a library call; the ioctl is the one call both XFS and btrfs answer. Where it is
    refused (ext4, tmpfs, another filesystem, a sandbox, not Linux) the byte copy runs,
    and raises what is really wrong with the disk."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        try:
            fcntl.ioctl(dst.fileno(), _FICLONE, src.fileno())
            return "clone"
        except OSError:
            pass
    shutil.copyfile(source, target)
    return "copy"


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
