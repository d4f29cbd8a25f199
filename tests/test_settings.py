"""Settings resolve defaults < promptjobs.toml < PROMPTJOBS_* env vars < explicit overrides;
one model names every variable, and the README's table says the same."""

import re
from pathlib import Path

import pytest

from promptjobs.settings import Settings, SettingsError, load_settings

README = Path(__file__).resolve().parents[1] / "README.md"
# A row of the configuration table: | `PROMPTJOBS_X` | `key` | default | meaning |
README_ROW = re.compile(r"^\| `(PROMPTJOBS_[A-Z0-9_]+)` \| `([a-z0-9_]+)` \|", re.MULTILINE)


def test_defaults_put_everything_under_dot_promptjobs() -> None:
    s = load_settings(environ={})
    assert s.home == Path(".promptjobs")
    assert s.warehouse_target == str(Path(".promptjobs") / "warehouse.duckdb")
    assert s.landing_dir == Path(".promptjobs/landing")
    assert s.reports_dir == Path(".promptjobs/reports")
    assert s.httpcache_dir == Path(".promptjobs/httpcache")
    assert s.dagster_home == Path(".promptjobs/dagster")
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


def test_a_flat_toml_file_works_and_an_empty_variable_counts_as_unset(tmp_path: Path) -> None:
    config = tmp_path / "flat.toml"
    config.write_text('schedule_cron = "30 4 * * 1-5"\nreplay = true\n')
    s = load_settings(environ={"PROMPTJOBS_CONFIG": str(config), "PROMPTJOBS_REPLAY": ""})
    assert (s.schedule_cron, s.replay) == ("30 4 * * 1-5", True)


def test_every_field_is_read_from_the_variable_its_name_gives() -> None:
    for field in Settings.model_fields:
        value = {
            "workers": "7",
            "env": "demo",
            "replay": "true",
            "discovered_boards": "review",
            "sql_timeout_s": "2.5",
            "lake_snapshot_retention_days": "9",
            "lake_s3_url_style": "path",
            "lake_s3_use_ssl": "false",
            "writer_memory_limit": "2gb",
        }.get(field, "x")
        s = load_settings(environ={f"PROMPTJOBS_{field.upper()}": value})
        assert str(getattr(s, field)).lower() == value, field


def test_motherduck_target_is_recognised() -> None:
    s = load_settings(environ={"PROMPTJOBS_WAREHOUSE": "md:promptjobs"})
    assert s.is_motherduck
    assert s.warehouse_target == "md:promptjobs"


def test_missing_explicit_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_settings(environ={"PROMPTJOBS_CONFIG": str(tmp_path / "nope.toml")})


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"PROMPTJOBS_ENV": "staging"}, "PROMPTJOBS_ENV='staging'"),
        ({"PROMPTJOBS_WORKERS": "abc"}, "PROMPTJOBS_WORKERS='abc'"),
        ({"PROMPTJOBS_REPLAY": "maybe"}, "PROMPTJOBS_REPLAY='maybe'"),
        ({"PROMPTJOBS_WRITER_MEMORY_LIMIT": "lots"}, "PROMPTJOBS_WRITER_MEMORY_LIMIT='lots'"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_variable(environ: dict, named: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(environ=environ)
    message = str(raised.value)
    assert named in message and "\n" not in message


def test_a_bad_or_unknown_key_in_the_toml_file_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "promptjobs.toml"
    config.write_text("[promptjobs]\nworkerz = 3\n")
    with pytest.raises(SettingsError, match=r"unknown setting workerz in .*promptjobs.toml"):
        load_settings(environ={"PROMPTJOBS_CONFIG": str(config)})
    config.write_text("[promptjobs]\nworkers = 'many'\n")
    with pytest.raises(SettingsError, match=r"bad setting workers in .*promptjobs.toml"):
        load_settings(environ={"PROMPTJOBS_CONFIG": str(config)})


def test_the_readme_table_documents_every_setting_and_nothing_else() -> None:
    rows = README_ROW.findall(README.read_text(encoding="utf-8"))
    documented = dict((key, var) for var, key in rows)
    assert len(documented) == len(rows), "a TOML key is documented twice"
    assert set(documented) == set(Settings.model_fields), "README table and Settings differ"
    for key, var in documented.items():
        assert var == Settings.env_var(key), f"{key}: the README names {var}"
