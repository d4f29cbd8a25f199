"""Remotive API: `GET {api_base}/api/remote-jobs` (board `all`) or `?category=<slug>`.

Terms: a few calls a day and a link back, so one call fetches every category (we keep the
tech / AI ones listed in the registry), a daily call budget guards against re-runs, and every
posting carries its Remotive URL as `attribution_url`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response

from scrapers.landing import write_json_atomic
from scrapers.sources.base import PostingSpider
from scrapers.sources.remotive import SOURCE
from scrapers.sources.remotive.parse import parse_remotive_job

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class RemotiveSpider(PostingSpider, info=SOURCE):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attribution = str(self.options.get("attribution", SOURCE.attribution_url))
        if self.options.get("keep_categories"):
            # Land everything: the role classifier, not a category list, decides.
            self.logger.warning("remotive: keep_categories in the board registry is ignored")

    def _spend_call(self) -> bool:
        """Count one call against the daily budget; False when today's budget is spent.
        Loopback mirrors (demo, tests) have no budget."""
        if urlsplit(self.api_base).hostname in LOOPBACK_HOSTS:
            return True
        budget = int(self.options.get("max_calls_per_day", 4))
        home = Path(self.settings.get("PROMPTJOBS_HOME") or ".promptjobs")
        path = home / "jobs" / "remotive-calls.json"
        today = datetime.now(UTC).date().isoformat()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        calls = int(data.get(today, 0))
        if calls >= budget:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(path, {today: calls + 1})
        return True

    def board_requests(self, board: str) -> Iterator[Request]:
        if not self._spend_call():
            self._fail(board, "daily_call_budget", "Remotive asks for a few calls a day")
            return
        query = "" if board == "all" else f"?category={board}"
        yield self.board_request(
            f"{self.api_base}/api/remote-jobs{query}", board, self.parse_board, root=True
        )

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check remotive`, offline):

        @fixture remotive_jobs.json
        @cb_kwargs {"board": "all"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        data = self.expect(self.json_of(response), dict, "remote-jobs")
        jobs = self.expect(data.get("jobs"), list, "jobs")
        jobs = [j for j in jobs if isinstance(j, dict)]
        fetched = self.fetched_at()
        yield from self.each_posting(jobs, lambda j: parse_remotive_job(j, board, fetched))
