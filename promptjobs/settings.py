"""One typed place for configuration: defaults < promptjobs.toml < PROMPTJOBS_* env vars.

Every path the program writes lives under `home` (PROMPTJOBS_HOME), so a user can
delete one folder to start over and tests can point the whole program at a tmp dir.
"""

from __future__ import annotations

import os
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

CONFIG_FILE_ENV = "PROMPTJOBS_CONFIG"
DEFAULT_CONFIG_FILE = "promptjobs.toml"

# env var -> settings field; the README's configuration table mirrors this.
ENV_VARS: dict[str, str] = {
    "PROMPTJOBS_HOME": "home",
    "PROMPTJOBS_ENV": "env",
    "PROMPTJOBS_WAREHOUSE": "warehouse",
    "PROMPTJOBS_USER_AGENT": "user_agent",
    "PROMPTJOBS_CONTACT_URL": "contact_url",
    "PROMPTJOBS_BOARDS_FILE": "boards_file",
    "PROMPTJOBS_FX_FILE": "fx_file",
    "PROMPTJOBS_SCHEDULE": "schedule_cron",
    "PROMPTJOBS_SCHEDULE_TZ": "schedule_timezone",
    "PROMPTJOBS_API_BASE": "api_base",
    "PROMPTJOBS_WORKERS": "workers",
    "PROMPTJOBS_REPLAY": "replay",
    "PROMPTJOBS_DISCOVERED_BOARDS": "discovered_boards",
}


class Settings(BaseModel):
    """Resolved configuration. Build it with `load_settings()`."""

    home: Path = Field(default=Path(".promptjobs"), description="Everything the program writes.")
    env: Literal["live", "demo"] = Field(
        default="live", description="live: real boards; demo: embedded demo boards on 127.0.0.1."
    )
    warehouse: str | None = Field(
        default=None,
        description="DuckDB database: a file path, or 'md:NAME' for MotherDuck. "
        "Default: <home>/warehouse.duckdb.",
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
        default=None, description="Board registry TOML. Default: the packaged scrapers/boards.toml."
    )
    fx_file: Path | None = Field(
        default=None, description="FX table CSV override. Default: the packaged dated table."
    )
    schedule_cron: str = Field(default="0 6 * * *", description="Dagster daily_refresh cron.")
    schedule_timezone: str = Field(default="UTC", description="Timezone of schedule_cron.")
    api_base: str | None = Field(
        default=None, description="Send every API spider to this mirror/replay server."
    )
    workers: int = Field(default=0, description="Extraction worker processes; 0 = one per core.")
    replay: bool = Field(default=False, description="Crawl from the HTTP cache only (offline).")
    discovered_boards: Literal["crawl", "review"] = Field(
        default="crawl",
        description="crawl: `crawl all` and `refresh` crawl every valid discovered board; "
        "review: only those accepted with `promptjobs boards accept`.",
    )

    # --- derived paths -------------------------------------------------------------
    @property
    def warehouse_target(self) -> str:
        return self.warehouse or str(self.home / "warehouse.duckdb")

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
    def user_agent_string(self) -> str:
        return self.user_agent.replace("{contact_url}", self.contact_url)

    def report_dir_for(self, day: date) -> Path:
        return self.reports_dir / day.isoformat()

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    # Accept both a flat file and a [promptjobs] table.
    section = data.get("promptjobs", data)
    if not isinstance(section, dict):
        raise ValueError(f"{path}: [promptjobs] must be a table")
    return section


def load_settings(
    overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Resolve settings: defaults, then the TOML file, then env vars, then `overrides`."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    config_path = Path(env.get(CONFIG_FILE_ENV, DEFAULT_CONFIG_FILE))
    if config_path.is_file():
        values.update(_read_toml(config_path))
    elif CONFIG_FILE_ENV in env:
        raise FileNotFoundError(f"{CONFIG_FILE_ENV}={config_path} does not exist")
    for var, field in ENV_VARS.items():
        if env.get(var):
            values[field] = env[var]
    if overrides:
        values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(values)
