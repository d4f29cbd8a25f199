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

from scrapers.items import PostingItem, build_posting, html_to_text, iso_date_str
from scrapers.landing import write_json_atomic
from scrapers.sources.base import PostingSpider
from scrapers.sources.remotive import SOURCE

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def parse_remotive_job(job: dict[str, Any], board: str, fetched_at: str) -> PostingItem:
    text = html_to_text(job.get("description"))
    if job.get("salary"):
        # Remotive's pay is free text; the extractor reads it from the description.
        text = f"{text}\n\nSalary: {job['salary']}".strip()
    return build_posting(
        source="remotive",
        board=board,
        source_id=job["id"],
        url=job.get("url"),
        company=job.get("company_name"),
        title=job.get("title"),
        location_raw=job.get("candidate_required_location"),
        remote_hint="remote",
        description_html=job.get("description"),
        description_text=text,
        posted_at=iso_date_str(job.get("publication_date")),
        fetched_at=fetched_at,
        employment_type=job.get("job_type"),
        attribution_url=job.get("url"),
    )


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
