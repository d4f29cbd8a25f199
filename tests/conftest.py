"""Warehouse targets for the tests: the file warehouse and the two DuckLake catalogs.

`warehouse_target` is parametrized over `file`, `ducklake-sqlite` and `ducklake-postgres`;
a folder's `settings` fixture asks for it. Every such test runs on the file warehouse and
on the SQLite-catalog lake. The Postgres catalog runs the modules marked
`postgres_catalog` (loads, refresh, store, lifecycle: where the catalog's transactions and
concurrency differ); `PROMPTJOBS_TEST_ALL_TARGETS=1` runs every test on it too. The SQL is
the same on both catalogs (DuckLake translates it), so the rest would only repeat the
SQLite runs at about three times their cost. The Postgres
catalog is a throwaway server from Debian's package (initdb + pg_ctl in a temp dir, on
127.0.0.1 and a free port), started once per session and stopped at its end; each test
gets its own database on it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("PROMPTJOBS_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
TARGETS = ("file", "ducklake-sqlite", "ducklake-postgres")


@dataclass
class PostgresServer:
    port: int
    socket_dir: Path
    user: str
    count: int = 0

    def conninfo(self, dbname: str) -> str:
        return f"dbname={dbname} host=127.0.0.1 port={self.port} user={self.user}"

    def new_database(self) -> str:
        self.count += 1
        name = f"lake{os.getpid()}_{self.count}"
        _run(
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                self.user,
                name,
            ]
        )
        return self.conninfo(name)


def _run(cmd: list[str], **kw: object) -> None:
    subprocess.run(cmd, check=True, capture_output=True, **kw)  # type: ignore[call-overload]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not (PG_BIN / "initdb").is_file():
        pytest.skip(f"no PostgreSQL at {PG_BIN} (`apt-get install -y postgresql`)")
    with throwaway_postgres() as server:
        yield server


@contextmanager
def throwaway_postgres() -> Iterator[PostgresServer]:
    """initdb + pg_ctl in a temp dir, on 127.0.0.1 and a free port; stopped at the end."""
    root = Path(tempfile.mkdtemp(prefix="promptjobs-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    # initdb refuses to run as root: as root, the server runs as the `postgres` user.
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    user = "postgres" if as_user else os.environ.get("USER", "postgres")
    _run([*as_user, str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "-A", "trust"])
    port = _free_port()
    options = f"-p {port} -k {sock} -h 127.0.0.1 -F -c fsync=off -c full_page_writes=off"
    log = root / "server.log"
    if as_user:
        shutil.chown(root, "postgres")
    _run(
        [
            *as_user,
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(log),
            "-w",
            "start",
        ]
    )
    try:
        yield PostgresServer(port=port, socket_dir=sock, user=user)
    finally:
        subprocess.run(
            [*as_user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=TARGETS)
def warehouse_target(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """The settings overrides (`warehouse`, `lake_data_path`) of one target ({} = file)."""
    kind = request.param
    if kind == "file":
        return {}
    lake = tmp_path / "lake-target"
    if kind == "ducklake-sqlite":
        return {
            "warehouse": f"ducklake:sqlite:{lake / 'catalog.sqlite'}",
            "lake_data_path": str(lake / "data"),
        }
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return {
        "warehouse": f"ducklake:postgres:{server.new_database()}",
        "lake_data_path": str(lake / "data"),
    }


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "file_only: the test is about the file warehouse itself (copy and swap, WAL, a "
        "damaged file): it runs on the `file` target only",
    )
    config.addinivalue_line(
        "markers",
        "postgres_catalog: the module's warehouse tests also run on a DuckLake with a "
        "Postgres catalog (the others: file and SQLite catalog, unless "
        "PROMPTJOBS_TEST_ALL_TARGETS=1)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the DuckLake runs of `file_only` tests, and the Postgres-catalog runs of
    tests outside `postgres_catalog` modules (unless PROMPTJOBS_TEST_ALL_TARGETS=1)."""
    every_target = os.environ.get("PROMPTJOBS_TEST_ALL_TARGETS") == "1"
    keep, drop = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        target = spec.params.get("warehouse_target") if spec else None
        lake_run_of_file_test = target not in (None, "file") and item.get_closest_marker(
            "file_only"
        )
        extra_postgres_run = (
            target == "ducklake-postgres"
            and not every_target
            and not item.get_closest_marker("postgres_catalog")
        )
        if lake_run_of_file_test or extra_postgres_run:
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
