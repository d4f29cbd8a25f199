"""Every pipelines test gets its own PROMPTJOBS_HOME and DAGSTER_HOME under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def project_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "promptjobs-home"
    dagster_home = tmp_path / "dagster-home"
    home.mkdir()
    dagster_home.mkdir()
    for var in (
        "PROMPTJOBS_ENV",
        "PROMPTJOBS_WAREHOUSE",
        "PROMPTJOBS_API_BASE",
        "PROMPTJOBS_CONFIG",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("PROMPTJOBS_HOME", str(home))
    monkeypatch.setenv("DAGSTER_HOME", str(dagster_home))
    monkeypatch.chdir(tmp_path)
    return home
