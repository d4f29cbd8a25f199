"""Shared fixtures for the transforms room: one Extractor per test module (building the
pipeline takes ~0.2 s; every test reads it, none changes it)."""

from __future__ import annotations

import pytest

from transforms.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path / "home"))
