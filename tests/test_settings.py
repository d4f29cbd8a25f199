"""Settings resolve defaults < promptjobs.toml < PROMPTJOBS_* env vars < explicit overrides."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from promptjobs.settings import load_settings


def test_defaults_put_everything_under_dot_promptjobs() -> None:
    s = load_settings(environ={})
    assert s.home == Path(".promptjobs")
    assert s.warehouse_target == str(Path(".promptjobs") / "warehouse.duckdb")
    assert s.landing_dir == Path(".promptjobs/landing")
    assert s.reports_dir == Path(".promptjobs/reports")
    assert s.httpcache_dir == Path(".promptjobs/httpcache")
    assert s.env == "live"


def test_toml_file_then_env_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "promptjobs.toml"
    config.write_text(
        '[promptjobs]\nhome = "from-toml"\ncontact_url = "https://example.org/me"\nworkers = 3\n'
    )
    env = {"PROMPTJOBS_CONFIG": str(config), "PROMPTJOBS_HOME": "from-env"}
    s = load_settings(environ=env)
    assert s.home == Path("from-env")  # env beats the file
    assert s.contact_url == "https://example.org/me"  # the file beats the default
    assert s.workers == 3
    assert "https://example.org/me" in s.user_agent_string
    assert load_settings({"home": Path("cli")}, environ=env).home == Path("cli")


def test_motherduck_target_is_recognised() -> None:
    s = load_settings(environ={"PROMPTJOBS_WAREHOUSE": "md:promptjobs"})
    assert s.is_motherduck
    assert s.warehouse_target == "md:promptjobs"


def test_missing_explicit_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_settings(environ={"PROMPTJOBS_CONFIG": str(tmp_path / "nope.toml")})


def test_invalid_env_value_is_rejected() -> None:
    with pytest.raises(ValidationError):
        load_settings(environ={"PROMPTJOBS_ENV": "staging"})
