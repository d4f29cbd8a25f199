"""The embedded demo boards over real HTTP on 127.0.0.1 (see scrapers.demo.market).

Every snapshot day has its own base URL per source, `http://127.0.0.1:PORT/d/<day>/<source>`,
below which each source's demo renderer (scrapers/sources/<name>/demo.py, found through the
source list) answers that source's real API paths. The routes are the renderers': a new
source folder with a demo.py is served without any change here.

Usage (promptjobs demo):

    with DemoServer() as d:
        for day in d.snapshot_dates:
            crawl(settings.crawl_config(), d.sources(day), boards=d.boards(day), api_base=d.api_bases(day),
                  crawl_date=day)
"""

from __future__ import annotations

import re
from datetime import date
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from scrapers.demo import market
from scrapers.demo.http import NOT_FOUND_DEFAULT, DemoRequest, html_reply, json_reply
from scrapers.loopback import LoopbackServer, Reply
from scrapers.sources import all_sources, source_module

_PATH = re.compile(r"^/d/(\d{4}-\d{2}-\d{2})/([a-z0-9]+)(/.*)?$")


class DemoServer:
    """Context manager: the demo boards on a free 127.0.0.1 port, in a thread."""

    snapshot_dates: list[date]

    def __init__(self) -> None:
        self.snapshot_dates = list(market.SNAPSHOT_DATES)
        # Every source's renderer, loaded now: a source without demo.py fails here, loudly.
        self._renderers: dict[str, Any] = {
            s.name: source_module(s.name, "demo") for s in all_sources()
        }
        self._kinds = {s.name: s.kind for s in all_sources()}
        self._server = LoopbackServer(self._route, self._route_post)

    # --- the API the demo runner uses ---------------------------------------------------------
    @property
    def url(self) -> str:
        return self._server.url

    def base(self, day: date, source: str) -> str:
        return f"{self.url}/d/{day.isoformat()}/{source}"

    def api_bases(self, day: date) -> dict[str, str]:
        """The API base of every source that has one ("site" sources crawl start URLs)."""
        # An "archive" source is not crawled (`promptjobs backfill` reads web archives).
        return {
            s: self.base(day, s)
            for s, kind in self._kinds.items()
            if kind not in ("site", "archive")
        }

    def boards(self, day: date) -> dict[str, list[str]]:
        """What the demo crawls on `day`, per source: board tokens, or a "site" source's start
        URLs (scrapers.run passes those as its `urls`)."""
        return {s: list(r.boards(day, self.base(day, s))) for s, r in self._renderers.items()}

    def sources(self, day: date) -> list[str]:
        """The sources the demo crawls on `day`: every source with an API base or start URLs."""
        bases, boards = self.api_bases(day), self.boards(day)
        return [s for s in self._renderers if s in bases or boards[s]]

    # --- lifecycle ------------------------------------------------------------------------------
    def __enter__(self) -> DemoServer:
        self._server.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.stop()

    # --- routing --------------------------------------------------------------------------------
    def _route_post(self, raw_path: str, body: bytes) -> Reply:
        return self._route(raw_path, body)

    def _route(self, raw_path: str, body: bytes | None = None) -> Reply:
        parts = urlsplit(raw_path)
        if parts.path == "/robots.txt":
            return html_reply("User-agent: *\nAllow: /\n", "text/plain")
        match = _PATH.match(parts.path)
        renderer = self._renderers.get(match.group(2)) if match else None
        if match is None or renderer is None:
            return json_reply(NOT_FOUND_DEFAULT, 404)
        day = date.fromisoformat(match.group(1))
        source, rest = match.group(2), match.group(3) or "/"
        request = DemoRequest(
            day=day,
            segments=tuple(s for s in rest.split("/") if s),
            query={k: v[0] for k, v in parse_qs(parts.query).items()},
            base=self.base(day, source),
            body=body,
        )
        reply = renderer.serve(request)
        if reply is None:
            return json_reply(getattr(renderer, "NOT_FOUND", NOT_FOUND_DEFAULT), 404)
        return reply
