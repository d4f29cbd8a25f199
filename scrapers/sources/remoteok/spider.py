"""RemoteOK API: `GET {api_base}/api` (board `all`) or `?tag=<tag>`.

Element 0 of the answer is a legal notice, not a job. Terms: link back to the posting on Remote
OK and name it as the source, so every posting carries its URL as `attribution_url`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.remoteok import SOURCE
from scrapers.sources.remoteok.parse import parse_remoteok_job


class RemoteOkSpider(PostingSpider, info=SOURCE):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.attribution = str(self.options.get("attribution", SOURCE.attribution_url))
        if self.options.get("keep_tags"):
            # Land everything: the role classifier, not a tag list, decides what is prompt work.
            self.logger.warning("remoteok: keep_tags in the board registry is ignored")

    def board_requests(self, board: str) -> Iterator[Request]:
        query = "" if board == "all" else f"?tag={board}"
        yield self.board_request(f"{self.api_base}/api{query}", board, self.parse_board, root=True)

    def parse_board(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check remoteok`, offline):

        @fixture remoteok_api.json
        @cb_kwargs {"board": "all"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        rows = self.expect(self.json_of(response), list, "api")
        jobs = [r for r in rows if isinstance(r, dict) and "legal" not in r and r.get("id")]
        fetched = self.fetched_at()
        yield from self.each_posting(jobs, lambda j: parse_remoteok_job(j, board, fetched))
