from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scraper_fixtures import FixtureRoutes

from promptjobs.settings import Settings, load_settings
from scrapers.loopback import LoopbackServer

# Small timeouts so the fault tests finish quickly (settable per crawl).
FAST = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 1,
    "RETRY_BACKOFF_BASE": 0.05,
    "DOWNLOAD_MAXSIZE": 200_000,
}


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path / "home"))
    return load_settings({"home": tmp_path / "home"}, environ={})


@pytest.fixture
def fixture_server() -> Iterator[tuple[LoopbackServer, FixtureRoutes]]:
    routes = FixtureRoutes()
    with LoopbackServer(routes) as server:
        routes.base = server.url
        yield server, routes
