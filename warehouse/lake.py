"""DuckLake targets: `ducklake:sqlite:<path>` and `ducklake:postgres:<libpq conninfo>`.

A DuckLake warehouse is a catalog database (SQLite file or Postgres) plus Parquet data
files under a data path (a local folder, or an `s3://` URL for teams). DuckDB reaches it
through extensions, which come as PyPI wheels pinned to the exact DuckDB version
(pyproject.toml) and are loaded here ONLY by path: never `INSTALL`, never autoload, so
nothing is downloaded at run time.

An `s3://` data path is reached with httpfs, and its credentials are found by the aws
extension's credential chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
AWS_SESSION_TOKEN, AWS_PROFILE and ~/.aws files, then the machine's role), so no secret
is ever written into the settings; `ObjectStore` says where the store is (an
S3-compatible endpoint such as MinIO or R2, its region, path-style URLs, TLS).
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

PREFIX = "ducklake:"
CATALOGS = ("sqlite", "postgres")
# The name every DuckLake warehouse is attached under (queries see it as the database).
ALIAS = "lake"
# Extension name -> the PyPI package that ships it.
_PACKAGES = {
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "httpfs": "duckdb_extension_httpfs",
    "aws": "duckdb_extension_aws",
}
_CATALOG_EXTENSION = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}
S3_SCHEME = "s3://"
# The AWS SDK providers the credentials are looked for in, in order (DuckDB's CHAIN):
# the environment, the shared config and credentials files (AWS_PROFILE), then the
# instance or container role.
CREDENTIAL_CHAIN = "env;config;instance"


class LakeTargetError(ValueError):
    """A `ducklake:` target that cannot be used; the message says what to write."""


@dataclass(frozen=True)
class ObjectStore:
    """Where an `s3://` data path's objects are served: AWS itself (no endpoint) or an
    S3-compatible store at `endpoint` (host:port). Credentials are not here: the AWS
    credential chain finds them (module doc)."""

    endpoint: str | None = None
    region: str | None = None
    url_style: str = "vhost"  # "path" for most S3-compatible stores
    use_ssl: bool = True


@dataclass(frozen=True)
class LakeTarget:
    """A parsed `ducklake:<catalog>:<location>` target with its data path."""

    catalog: str  # "sqlite" | "postgres"
    location: str  # the SQLite file, or the libpq conninfo
    data_path: str  # local folder (ends with "/") or s3:// URL
    store: ObjectStore = ObjectStore()  # how an s3:// data path is reached

    @property
    def is_local_data(self) -> bool:
        return "://" not in self.data_path

    @property
    def bucket(self) -> str | None:
        """`s3://<bucket>/` of an s3:// data path, else None."""
        return _s3_bucket(self.data_path)

    @property
    def catalog_file(self) -> Path | None:
        """The SQLite catalog file (None for Postgres)."""
        return Path(self.location) if self.catalog == "sqlite" else None


def _s3_bucket(data_path: str) -> str | None:
    """`s3://<bucket>/` of an `s3://<bucket>/...` path; None for any other path, or an
    s3:// one without a bucket."""
    if not data_path.startswith(S3_SCHEME):
        return None
    name = data_path[len(S3_SCHEME) :].split("/", 1)[0]
    return f"{S3_SCHEME}{name}/" if name else None


def is_lake(target: str) -> bool:
    return target.startswith(PREFIX)


def parse_target(
    target: str, data_path: str | Path, store: ObjectStore | None = None
) -> LakeTarget:
    """`ducklake:sqlite:/x/meta.sqlite` or `ducklake:postgres:dbname=x host=...`, with its
    data path: a local folder or `s3://<bucket>/<prefix>/` (reached as `store` says)."""
    rest = target[len(PREFIX) :] if is_lake(target) else target
    catalog, sep, location = rest.partition(":")
    if not sep or catalog not in CATALOGS or not location.strip():
        raise LakeTargetError(
            f"warehouse {target!r}: write ducklake:sqlite:<path> or "
            "ducklake:postgres:<libpq conninfo, e.g. dbname=lake host=127.0.0.1>"
        )
    data = str(data_path)
    if "://" not in data:
        data = str(Path(data).resolve())
    elif _s3_bucket(data) is None:
        raise LakeTargetError(
            f"lake data path {data!r}: write a local folder or s3://<bucket>/<prefix>/ "
            "(an S3-compatible store: set lake_s3_endpoint too)"
        )
    data = data if data.endswith("/") else data + "/"
    if catalog == "sqlite":
        location = str(Path(location).resolve())
    return LakeTarget(catalog, location, data, store or ObjectStore())


def extension_path(name: str) -> Path:
    """The `.duckdb_extension` file inside the installed wheel for this DuckDB version."""
    package = _PACKAGES[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LakeTargetError(f"the {name} extension is not installed: run `make install`")
    root = Path(next(iter(spec.submodule_search_locations)))
    path = root / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        raise LakeTargetError(
            f"{path} is missing: the {package} wheel must match duckdb {duckdb.__version__}"
        )
    return path


def load_extensions(con: duckdb.DuckDBPyConnection, lake: LakeTarget) -> None:
    """LOAD ducklake and the catalog's scanner (and for an s3:// data path httpfs and
    aws), by path."""
    names = ["ducklake", _CATALOG_EXTENSION[lake.catalog]]
    if lake.bucket is not None:
        names += ["httpfs", "aws"]
    for name in names:
        con.execute(f"LOAD {_quote(str(extension_path(name)))}")


def secret_sql(lake: LakeTarget) -> str:
    """The session's S3 secret for the data path's bucket: the credential chain's
    credentials and where the store is (`ObjectStore`)."""
    store = lake.store
    options = [
        "TYPE s3",
        "PROVIDER credential_chain",
        f"CHAIN {_quote(CREDENTIAL_CHAIN)}",
        f"URL_STYLE {_quote(store.url_style)}",
        f"USE_SSL {'true' if store.use_ssl else 'false'}",
        f"SCOPE {_quote(str(lake.bucket))}",
    ]
    if store.endpoint:
        options.append(f"ENDPOINT {_quote(store.endpoint)}")
    if store.region:
        options.append(f"REGION {_quote(store.region)}")
    return f"CREATE OR REPLACE TEMPORARY SECRET promptjobs_lake ({', '.join(options)})"


def _create_secret(con: duckdb.DuckDBPyConnection, lake: LakeTarget) -> None:
    try:
        con.execute(secret_sql(lake))
    except duckdb.Error as exc:
        found = str(exc).splitlines()[0]
        if "Secret Validation Failure" in found:
            found = "no AWS credentials found"
        raise LakeTargetError(
            f"cannot reach the lake data path {lake.data_path}: {found} (set "
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run where the "
            "machine's role gives them)"
        ) from None


def attach_sql(lake: LakeTarget, *, read_only: bool = False, snapshot: int | None = None) -> str:
    """The ATTACH statement of the lake under ALIAS."""
    options = [f"DATA_PATH {_quote(lake.data_path)}"]
    if read_only:
        options.append("READ_ONLY")
    if snapshot is not None:
        options.append(f"SNAPSHOT_VERSION {int(snapshot)}")
    source = f"ducklake:{lake.catalog}:{lake.location}"
    return f"ATTACH {_quote(source)} AS {ALIAS} ({', '.join(options)})"


def open_lake(
    lake: LakeTarget,
    *,
    read_only: bool = False,
    snapshot: int | None = None,
    config: dict[str, str | bool] | None = None,
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the lake attached and in use."""
    base: dict[str, str | bool | int] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        # A DuckLake scan of rows written in the open transaction is estimated at 0 rows,
        # so the optimizer ran the lifecycle's ASOF join (lifecycle_compute.sql) as a
        # nested loop: 134.8 s of a 195.7 s first load at 1M postings (3.1 s on a file).
        "asof_loop_join_threshold": 0,
        # Spill into a folder of this connection's own under the system's temp folder:
        # an in-memory database's default is `.tmp` in the working directory, which may
        # be read-only (a container) and would keep a killed process's spill files.
        # DuckDB creates the folder when it first spills and removes it on close.
        "temp_directory": str(
            Path(tempfile.gettempdir()) / f"promptjobs-duckdb-{os.getpid()}-{secrets.token_hex(4)}"
        ),
    }
    con = duckdb.connect(config={**base, **(config or {})})
    try:
        load_extensions(con, lake)
        if lake.bucket is not None:
            _create_secret(con, lake)
        if lake.is_local_data and not read_only:
            Path(lake.data_path).mkdir(parents=True, exist_ok=True)
        if lake.catalog_file is not None and not read_only:
            lake.catalog_file.parent.mkdir(parents=True, exist_ok=True)
        con.execute(attach_sql(lake, read_only=read_only, snapshot=snapshot))
        con.execute(f"USE {ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The snapshot the connection reads (the newest, or the one it was attached at with
    SNAPSHOT_VERSION); the lake must be attached as ALIAS."""
    row = con.sql(f"select id from ducklake_current_snapshot('{ALIAS}')").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
