"""Warehouse targets for the tests: the file warehouse, the two DuckLake catalogs, and a
lake whose data path is an S3 bucket.

`warehouse_target` is parametrized over `file`, `ducklake-sqlite`, `ducklake-postgres` and
`ducklake-s3`; a folder's `settings` fixture asks for it. Every such test runs on the file
warehouse and on the SQLite-catalog lake. The Postgres catalog runs the modules marked
`postgres_catalog` (loads, refresh, store, lifecycle: where the catalog's transactions and
concurrency differ), the S3 data path those marked `object_store` (store: where the data
files' reads and writes go over HTTP; tests/warehouse/test_lake_s3.py refreshes on it);
`PROMPTJOBS_TEST_ALL_TARGETS=1` runs every test on both. The SQL is the same on both
catalogs (DuckLake translates it), so the rest would only repeat the SQLite runs at about
three times their cost. The Postgres
catalog is a throwaway server from Debian's package (initdb + pg_ctl in a temp dir, on
127.0.0.1 and a free port), started once per session and stopped at its end; each test
gets its own database on it. The S3 store is moto's S3 server on 127.0.0.1 and a free
port, likewise once per session, with a bucket per test; the AWS credential chain finds
the test's keys in the environment, as it would a team's.
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
TARGETS = ("file", "ducklake-sqlite", "ducklake-postgres", "ducklake-s3")


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


@dataclass
class S3Server:
    """moto's S3 server on 127.0.0.1: `new_bucket()` makes an empty bucket."""

    endpoint: str  # host:port
    count: int = 0

    def client(self):  # type: ignore[no-untyped-def]
        import boto3

        return boto3.client("s3", endpoint_url=f"http://{self.endpoint}", region_name=S3_REGION)

    def new_bucket(self) -> str:
        self.count += 1
        name = f"lake-{os.getpid()}-{self.count}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        """Every object key in the bucket."""
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [o["Key"] for page in pages for o in page.get("Contents", [])]


S3_REGION = "us-east-1"
# What the AWS credential chain finds in the environment (moto takes any keys).
S3_TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "promptjobs-test",
    "AWS_SECRET_ACCESS_KEY": "promptjobs-test-secret",
    "AWS_DEFAULT_REGION": S3_REGION,
}


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    saved = {key: os.environ.get(key) for key in S3_TEST_ENV}
    os.environ.update(S3_TEST_ENV)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield S3Server(endpoint=f"127.0.0.1:{port}")
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def s3_target(server: S3Server, catalog: Path) -> dict[str, str]:
    """Settings overrides of a SQLite-catalog lake whose data path is a new bucket."""
    return {
        "warehouse": f"ducklake:sqlite:{catalog}",
        "lake_data_path": f"s3://{server.new_bucket()}/data/",
        "lake_s3_endpoint": server.endpoint,
        "lake_s3_region": S3_REGION,
        "lake_s3_url_style": "path",
        "lake_s3_use_ssl": "false",
    }


@pytest.fixture
def s3_lake(s3_server: S3Server, tmp_path: Path) -> dict[str, str]:
    """Settings overrides of a lake on a new bucket (its SQLite catalog under tmp_path)."""
    return s3_target(s3_server, tmp_path / "s3-lake" / "catalog.sqlite")


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
    if kind == "ducklake-s3":
        return s3_target(request.getfixturevalue("s3_server"), lake / "catalog.sqlite")
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
    config.addinivalue_line(
        "markers",
        "object_store: the module's warehouse tests also run on a DuckLake whose data path "
        "is an S3 bucket (moto's server on 127.0.0.1)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the DuckLake runs of `file_only` tests, the Postgres-catalog runs of tests
    outside `postgres_catalog` modules and the S3 runs of tests outside `object_store`
    modules (unless PROMPTJOBS_TEST_ALL_TARGETS=1)."""
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
        extra_s3_run = (
            target == "ducklake-s3"
            and not every_target
            and not item.get_closest_marker("object_store")
        )
        if lake_run_of_file_test or extra_postgres_run or extra_s3_run:
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
