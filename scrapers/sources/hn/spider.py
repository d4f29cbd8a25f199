"""Hacker News "Ask HN: Who is hiring?" through the Algolia HN API.

Threads: `GET {api_base}/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50`,
kept only when the title starts with the exact prefix (the same bot posts "Who wants to be
hired?" and "Freelancer?" threads in the same minute). Then `GET {api_base}/v1/items/{id}`:
every top-level comment is one posting. The board is the thread id."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scrapy.http import Request, Response

from scrapers.items import PostingItem, build_posting, clean_str, html_to_text, iso_date_str
from scrapers.sources.base import PostingSpider
from scrapers.sources.hn import SOURCE

_PARAGRAPH = re.compile(r"(?i)<p\s*/?>|\n")
_PAY = re.compile(r"[$€£]|\b\d+\s?k\b|\b(usd|eur|gbp|cad)\b|salary|/h(ou)?r\b", re.I)
_EMPLOYMENT = re.compile(
    r"(?i)\b(full[- ]?time|part[- ]?time|contract(or)?|intern(ship)?|freelance|permanent)\b"
)
_EMPLOYMENT_FILLER = re.compile(r"(?i)\b(or|and|to|hire|ok|possible)\b|[\W\d_]+")


def is_employment_part(part: str) -> bool:
    """`Full-time`, `Contract or Full-time`, `Part-time (20h/wk)`: employment words only."""
    if not _EMPLOYMENT.search(part):
        return False
    rest = _EMPLOYMENT_FILLER.sub(" ", _EMPLOYMENT.sub(" ", part))
    rest = re.sub(r"(?i)\b(h|hrs?|wk|week)\b", " ", rest)
    return len(rest.strip()) <= 3


_URL = re.compile(r"(?i)^(https?://|www\.)|\.(com|io|ai|dev|co|org)(/|$)")
_ONLY_REMOTE_WORDS = re.compile(
    r"(?i)^\W*(fully\s+)?(remote|onsite|on-site|on site|hybrid|in[- ]office|remote ok|"
    r"remote[- ]friendly|visa|visa sponsorship|no remote)\W*$"
)


_REMOTE_LOCATION = re.compile(r"(?i)^\W*(fully\s+)?(remote|onsite|on-site|hybrid)\b")


def remote_hint_of(parts: list[str]) -> str | None:
    joined = " ".join(parts).lower()
    if "hybrid" in joined:
        return "hybrid"
    if re.search(r"\bremote\b", joined) and not re.search(r"\bno remote\b", joined):
        return "remote"
    if re.search(r"\b(onsite|on-site|on site|in[- ]office)\b", joined):
        return "onsite"
    return None


def parse_hn_header(text_html: str) -> dict[str, Any]:
    """The conventional first line `Company | Role | Location | REMOTE | $pay` -> fields."""
    first = _PARAGRAPH.split(text_html or "", maxsplit=1)[0]
    header = html_to_text(first)
    parts = [p.strip() for p in header.split("|") if p.strip()]
    if not parts:
        return {"company": None, "title": None, "location": None, "remote": None, "type": None}
    company = re.sub(r"\s*\((https?://)?[^)]*\.[a-z]{2,}[^)]*\)\s*$", "", parts[0]).strip()
    title = location = employment = None
    for part in parts[1:]:
        if is_employment_part(part):
            employment = employment or part
            continue
        if _PAY.search(part) or _URL.search(part) or _ONLY_REMOTE_WORDS.match(part):
            continue
        if _REMOTE_LOCATION.match(part):
            # "Remote (US only)" names where, not what.
            location = location or part
            continue
        if title is None:
            title = part
        elif location is None:
            location = part
    if location is None:
        # "Remote (US)" is a location too when nothing else names one.
        location = next(
            (p for p in parts[1:] if re.search(r"(?i)remote\s*\(", p) and p != title), None
        )
    return {
        "company": company or None,
        "title": title,
        "location": location,
        "remote": remote_hint_of(parts[1:]),
        "type": employment,
        "header": header,
    }


def parse_hn_comment(comment: dict[str, Any], board: str, fetched_at: str) -> PostingItem | None:
    text_html = comment.get("text")
    if not text_html or comment.get("deleted") or comment.get("dead") or not comment.get("author"):
        return None
    head = parse_hn_header(text_html)
    header = head.get("header") or ""
    piped = "|" in header
    # A comment without the conventional header is still kept; its author stands in.
    company = (head["company"] if piped else None) or clean_str(comment.get("author"))
    title = head["title"] or (header[:120] if header else None)
    return build_posting(
        source="hn",
        board=board,
        source_id=comment["id"],
        url=f"https://news.ycombinator.com/item?id={comment['id']}",
        company=company,
        title=title,
        location_raw=head["location"],
        remote_hint=head["remote"],
        description_html=text_html,
        posted_at=iso_date_str(comment.get("created_at")),
        fetched_at=fetched_at,
        employment_type=head["type"],
    )


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
