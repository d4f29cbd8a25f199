from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scraper_fixtures import FixtureRoutes

from promptjobs.settings import Settings, load_settings
from scrapers.loopback import LoopbackServer


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path / "home"))
    return load_settings({"home": tmp_path / "home"}, environ={})


@pytest.fixture
def fixture_server() -> Iterator[tuple[LoopbackServer, FixtureRoutes]]:
    routes = FixtureRoutes()
    with LoopbackServer(routes, routes.post) as server:
        routes.base = server.url
        yield server, routes
