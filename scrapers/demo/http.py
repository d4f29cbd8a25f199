"""What a source's demo renderer (scrapers/sources/<name>/demo.py) gets and returns.

A renderer module has two functions and may name its 404 body:

    def boards(day: date, base: str) -> list[str]
        # what the demo crawls that day: board tokens, or start URLs below `base`
        # for a "site" source
    def serve(request: DemoRequest) -> Reply | None
        # the answer to one request below the source's base; None = not found
    NOT_FOUND: Any = {...}   # optional: the JSON the real API sends with its 404
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from scrapers.loopback import Reply

NOT_FOUND_DEFAULT: dict[str, str] = {"error": "not found"}


@dataclass(frozen=True)
class DemoRequest:
    """One request to a source's demo board: `GET {base}/{'/'.join(segments)}?{query}`
    (or a POST, with its `body`)."""

    day: date  # the snapshot day the request is for
    segments: tuple[str, ...]  # the path below the source's base, split on "/"
    query: dict[str, str]  # the query string, one value per name
    base: str  # the source's base URL of that day, `http://127.0.0.1:PORT/d/<day>/<source>`
    body: bytes | None = None  # a POST's body (Workday's search); None for a GET


def json_reply(payload: Any, status: int = 200) -> Reply:
    return Reply(status=status, body=json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def json_or_none(payload: Any) -> Reply | None:
    """A 200 JSON reply, or None (not found) when the renderer had nothing."""
    return None if payload is None else json_reply(payload)


def html_reply(text: str, content_type: str = "text/html; charset=utf-8") -> Reply:
    return Reply(body=text.encode("utf-8"), content_type=content_type)
