"""Hacker News "Ask HN: Who is hiring?" through the Algolia HN API.

Threads: `GET {api_base}/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50`,
kept only when the title starts with the exact prefix (the same bot posts "Who wants to be
hired?" and "Freelancer?" threads in the same minute). Then `GET {api_base}/v1/items/{id}`:
every top-level comment is one posting. The board is the thread id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.sources.base import PostingSpider
from scrapers.sources.hn import SOURCE
from scrapers.sources.hn.parse import parse_hn_comment


class HnSpider(PostingSpider, info=SOURCE):
    """Boards are thread ids: given with `-a boards=ID`, else the latest `months` threads."""

    def __init__(self, months: str | int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.months = max(1, int(months or self.options.get("months", 1)))
        self.author = str(self.options.get("author", "whoishiring"))
        self.prefix = str(self.options.get("thread_prefix", "Ask HN: Who is hiring?"))

    def start_board_requests(self) -> Iterator[Request]:
        if self.explicit_boards:
            yield from super().start_board_requests()
            return
        # Discovery is its own pseudo-board: if it fails, the run says so.
        self.boards = ["threads"]
        self.started.add("threads")
        url = (
            f"{self.api_base}/v1/search_by_date?tags=story,author_{self.author}"
            f"&hitsPerPage={max(30, self.months * 3 + 6)}"
        )
        yield self.board_request(url, "threads", self.parse_threads, root=True)

    def board_requests(self, board: str) -> Iterator[Request]:
        yield self.board_request(
            f"{self.api_base}/v1/items/{board}", board, self.parse_thread, root=True
        )

    def parse_threads(self, response: Response, board: str) -> Iterator[Any]:
        data = self.expect(self.json_of(response), dict, "search")
        hits = self.expect(data.get("hits"), list, "hits")
        threads = [
            h
            for h in hits
            if isinstance(h, dict)
            and str(h.get("title") or "").startswith(self.prefix)
            and str(h.get("author") or self.author) == self.author
        ]
        threads.sort(key=lambda h: int(h.get("created_at_i") or 0), reverse=True)
        self.boards.remove("threads")
        for hit in threads[: self.months]:
            thread_id = str(hit.get("objectID") or hit.get("story_id"))
            self.boards.append(thread_id)
            self.started.add(thread_id)
            yield from self.board_requests(thread_id)

    def parse_thread(self, response: Response, board: str) -> Iterator[Any]:
        """Contract (`scrapy check hn`, offline):

        @fixture hn_item.json
        @cb_kwargs {"board": "48900001"}
        @returns items 2 2
        @returns requests 0 0
        @scrapes source board source_id url company title description_text fetched_at
        """
        story = self.expect(self.json_of(response), dict, "item")
        children = self.expect(story.get("children") or [], list, "children")
        fetched = self.fetched_at()
        yield from self.each_posting(
            [c for c in children if isinstance(c, dict)],
            lambda c: parse_hn_comment(c, board, fetched),
        )
