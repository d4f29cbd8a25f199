"""One typed place for configuration: defaults < promptjobs.toml < PROMPTJOBS_* env vars.

The model is a pydantic-settings `BaseSettings`: each field's env var is its name in
capitals with the PROMPTJOBS_ prefix (`workers` -> PROMPTJOBS_WORKERS), and
pydantic-settings merges the TOML file and the environment. The README's configuration
table is checked against the fields (tests/test_settings.py).

Every path the program writes lives under `home` (PROMPTJOBS_HOME), so a user can
delete one folder to start over and tests can point the whole program at a tmp dir.
Settings are read here, at the edge, and passed down to the rooms as plain values.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

if TYPE_CHECKING:
    from scrapers.run import CrawlConfig
    from warehouse.lake import ObjectStore
    from warehouse.store import Warehouse

ENV_PREFIX = "PROMPTJOBS_"
CONFIG_FILE_ENV = "PROMPTJOBS_CONFIG"
DEFAULT_CONFIG_FILE = "promptjobs.toml"
# A home's own board registry: used when `boards_file` is not set (the demo writes one, so
# every later command in a demo home reads the demo's registry, not the packaged one).
HOME_BOARDS_FILE = "boards.toml"
# A memory size as DuckDB's `memory_limit` reads it ("2GB", "1536MB", "1.5 GiB").
_SIZE_RE = re.compile(r"^\s*\d+(\.\d+)?\s*([kmgt]i?)?b\s*$", re.IGNORECASE)
# The TOML file may hold the keys flat or in a [promptjobs] table.
TOML_TABLE = "promptjobs"


class SettingsError(ValueError):
    """A bad configuration value; the message is one line naming where it came from."""


# What `load_settings` resolves against: the environment and the TOML file (a context
# variable, so that the model's sources can read them without global state).
_SOURCES: ContextVar[tuple[Mapping[str, str], Path | None]] = ContextVar("_SOURCES")


class _Environment(EnvSettingsSource):
    """PROMPTJOBS_* variables from the mapping `load_settings` was given."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        environ, _ = _SOURCES.get((os.environ, None))
        # An empty variable counts as unset (env_ignore_empty, applied here by hand since
        # this mapping replaces pydantic-settings' own read of os.environ).
        return {k.lower(): v for k, v in environ.items() if v != ""}


class _TomlFile(TomlConfigSettingsSource):
    """The TOML file, flat or under [promptjobs]."""

    def _read_file(self, file_path: Any) -> dict[str, Any]:
        data = super()._read_file(file_path)
        section = data.get(TOML_TABLE, data)
        if not isinstance(section, dict):
            raise SettingsError(f"{file_path}: [{TOML_TABLE}] must be a table")
        return section


class Settings(BaseSettings):
    """Resolved configuration. Build it with `load_settings()`."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="forbid", validate_default=True
    )

    home: Path = Field(default=Path(".promptjobs"), description="Everything the program writes.")
    env: Literal["live", "demo"] = Field(
        default="live", description="live: real boards; demo: embedded demo boards on 127.0.0.1."
    )
    warehouse: str | None = Field(
        default=None,
        description="DuckDB database: a file path, 'md:NAME' for MotherDuck, or a DuckLake: "
        "'ducklake:sqlite:<path>' / 'ducklake:postgres:<libpq conninfo>'. "
        "Default: <home>/warehouse.duckdb.",
    )
    lake_data_path: str | None = Field(
        default=None,
        description="Where a DuckLake warehouse keeps its Parquet data files: a local "
        "folder or an s3://<bucket>/<prefix>/ URL (credentials from the AWS chain: "
        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the machine's role). "
        "Default: <home>/lake/.",
    )
    lake_s3_endpoint: str | None = Field(
        default=None,
        description="host:port of an S3-compatible store (MinIO, Cloudflare R2, Ceph) for "
        "an s3:// lake data path. Default: AWS S3.",
    )
    lake_s3_region: str | None = Field(
        default=None, description="Region of the s3:// lake data path's bucket (e.g. eu-west-1)."
    )
    lake_s3_url_style: Literal["vhost", "path"] = Field(
        default="vhost",
        description="vhost (bucket.host, AWS) or path (host/bucket, most S3-compatible stores).",
    )
    lake_s3_use_ssl: bool = Field(
        default=True, description="HTTPS to the object store (false: a plain-HTTP endpoint)."
    )
    lake_snapshot_retention_days: int = Field(
        default=30,
        ge=0,
        description="`promptjobs maintain` on a DuckLake expires snapshots older than this "
        "many days (`--at` can no longer read them); the newest is always kept.",
    )
    user_agent: str = Field(
        default="promptjobs/0.1 (+{contact_url}; job-market research crawler)",
        description="User-Agent for every request; {contact_url} is filled in.",
    )
    contact_url: str = Field(
        default="https://github.com/promptjobs/promptjobs",
        description="Where a board operator can reach the person running the crawler.",
    )
    boards_file: Path | None = Field(
        default=None,
        description="Board registry TOML. Default: <home>/boards.toml if there is one, "
        "else the packaged scrapers/boards.toml.",
    )
    fx_file: Path | None = Field(
        default=None, description="FX table CSV override. Default: the packaged dated table."
    )
    schedule_cron: str = Field(default="0 6 * * *", description="Dagster daily_refresh cron.")
    schedule_timezone: str = Field(default="UTC", description="Timezone of schedule_cron.")
    api_base: str | None = Field(
        default=None, description="Send every API spider to this mirror/replay server."
    )
    archive_base: str | None = Field(
        default=None,
        description="Send every web-archive request of `backfill` (both CDX APIs, WARC "
        "ranges, Wayback captures) to this mirror/replay server.",
    )
    workers: int = Field(default=0, description="Extraction worker processes; 0 = one per core.")
    replay: bool = Field(default=False, description="Crawl from the HTTP cache only (offline).")
    discovered_boards: Literal["crawl", "review"] = Field(
        default="crawl",
        description="crawl: `crawl all` and `refresh` crawl every valid discovered board; "
        "review: only those accepted with `promptjobs boards accept`.",
    )
    writer_memory_limit: str | None = Field(
        default=None,
        description="DuckDB's memory budget in a refresh's writer (it spills to disk beyond "
        "it), e.g. 2GB. Default: 768MB on a file warehouse, 1536MB on a DuckLake.",
    )
    sql_timeout_s: float = Field(
        default=300.0,
        ge=0,
        description="Seconds a `promptjobs sql` query may run before it is stopped; 0 = no limit.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        _, toml_file = _SOURCES.get((os.environ, None))
        sources: list[PydanticBaseSettingsSource] = [init_settings, _Environment(settings_cls)]
        if toml_file is not None:
            sources.append(_TomlFile(settings_cls, toml_file=toml_file))
        return tuple(sources)

    @field_validator("writer_memory_limit")
    @classmethod
    def _a_size(cls, value: str | None) -> str | None:
        if value is not None and not _SIZE_RE.match(value):
            raise ValueError("not a size: give one DuckDB reads, e.g. 2GB or 1536MB")
        return value

    @model_validator(mode="after")
    def _home_registry(self) -> Settings:
        """An unset `boards_file` is the home's own registry file when there is one."""
        if self.boards_file is None and (self.home / HOME_BOARDS_FILE).is_file():
            self.boards_file = self.home / HOME_BOARDS_FILE
        return self

    @classmethod
    def env_var(cls, field: str) -> str:
        """The environment variable of a field (`workers` -> PROMPTJOBS_WORKERS)."""
        if field not in cls.model_fields:
            raise KeyError(field)
        return f"{ENV_PREFIX}{field.upper()}"

    # --- derived paths -------------------------------------------------------------
    @property
    def warehouse_target(self) -> str:
        return self.warehouse or str(self.home / "warehouse.duckdb")

    @property
    def lake_data_target(self) -> str:
        return self.lake_data_path or str(self.home / "lake")

    @property
    def is_motherduck(self) -> bool:
        return self.warehouse_target.startswith("md:")

    @property
    def landing_dir(self) -> Path:
        return self.home / "landing"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def httpcache_dir(self) -> Path:
        return self.home / "httpcache"

    @property
    def jobs_dir(self) -> Path:
        """Scrapy JOBDIR state, so an interrupted crawl resumes."""
        return self.home / "jobs"

    @property
    def dagster_home(self) -> Path:
        """The Dagster instance of this home (`promptjobs ui`, and where CLI runs are recorded)."""
        return self.home / "dagster"

    @property
    def user_agent_string(self) -> str:
        return self.user_agent.replace("{contact_url}", self.contact_url)

    def report_dir_for(self, day: date) -> Path:
        return self.reports_dir / day.isoformat()

    def fx_csv_text(self) -> str | None:
        """The FX table override's text (read here, at the I/O edge), or None."""
        return self.fx_file.read_text("utf-8") if self.fx_file else None

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home

    # --- plain values for the rooms --------------------------------------------------
    def open_warehouse(self, lock_timeout_s: float | None = None) -> Warehouse:
        """The warehouse these settings name (`warehouse.store.Warehouse` takes plain values)."""
        from warehouse.store import DEFAULT_LOCK_TIMEOUT_S, Warehouse

        return Warehouse(
            self.warehouse_target,
            lock_dir=self.home,
            lock_timeout_s=DEFAULT_LOCK_TIMEOUT_S if lock_timeout_s is None else lock_timeout_s,
            lake_data_path=self.lake_data_target,
            lake_store=self.lake_object_store(),
            writer_memory_limit=self.writer_memory_limit,
        )

    def lake_object_store(self) -> ObjectStore:
        """Where an s3:// lake data path is served (`warehouse.lake.ObjectStore`)."""
        from warehouse.lake import ObjectStore

        return ObjectStore(
            endpoint=self.lake_s3_endpoint,
            region=self.lake_s3_region,
            url_style=self.lake_s3_url_style,
            use_ssl=self.lake_s3_use_ssl,
        )

    def crawl_config(self) -> CrawlConfig:
        """What `scrapers.run.crawl` needs from the settings, as plain values."""
        from scrapers.run import CrawlConfig

        return CrawlConfig(
            home=self.home,
            landing_dir=self.landing_dir,
            httpcache_dir=self.httpcache_dir,
            jobs_dir=self.jobs_dir,
            user_agent=self.user_agent_string,
            boards_file=self.boards_file,
            api_base=self.api_base,
            replay=self.replay,
        )


def config_file(environ: Mapping[str, str]) -> Path | None:
    """The TOML file to read: PROMPTJOBS_CONFIG (must exist), else ./promptjobs.toml if any."""
    path = Path(environ.get(CONFIG_FILE_ENV) or DEFAULT_CONFIG_FILE)
    if path.is_file():
        return path
    if environ.get(CONFIG_FILE_ENV):
        raise FileNotFoundError(f"{CONFIG_FILE_ENV}={path} does not exist")
    return None


def load_settings(
    overrides: dict[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Resolve settings: defaults, then the TOML file, then env vars, then `overrides`.

    A bad value raises `SettingsError`, one line naming the variable (or TOML key).
    """
    env = os.environ if environ is None else environ
    toml_file = config_file(env)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    token = _SOURCES.set((env, toml_file))
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise SettingsError(_one_line(exc, env, toml_file, given)) from None
    finally:
        _SOURCES.reset(token)


def _one_line(
    exc: ValidationError, env: Mapping[str, str], toml_file: Path | None, given: dict[str, Any]
) -> str:
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else "?"
    if field in given:
        where = f"{field}={given[field]!r}"
    elif field in Settings.model_fields and env.get(Settings.env_var(field)):
        where = f"{Settings.env_var(field)}={env[Settings.env_var(field)]!r}"
    elif toml_file is not None:
        where = f"{field} in {toml_file}"
    else:
        where = field
    message = str(error["msg"]).rstrip(".").removeprefix("Value error, ")  # (our validators)
    if error["type"] == "extra_forbidden":
        return f"unknown setting {where}: see the configuration table in the README"
    return f"bad setting {where}: {message} (see the configuration table in the README)"
