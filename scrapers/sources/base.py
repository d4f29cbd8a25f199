"""The base of every spider: board bookkeeping, JSON decoding, error kinds, fetched_at.

Each request belongs to a board. A board is `ok` when every request of it was answered and
parsed, `not_found` when its first request got a 404/410 (a wrong or vanished token), and
`failed` otherwise. Spiders never decide what is relevant: they keep every posting of a board.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionDone, ConnectionLost, TCPTimedOutError, TimeoutError
from twisted.python.failure import Failure

from scrapers import resume
from scrapers.items import PostingItem
from scrapers.middlewares import OffsiteRedirect
from scrapers.registry import BoardTokenError, Registry, load_registry, validate_token
from scrapers.sources import SourceInfo


class SourceFormatError(Exception):
    """The answer is not in the source's wire format; `kind` names the error in the stats."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def split_arg(value: str | Iterable[str] | None) -> list[str] | None:
    """`-a boards=a,b` on the command line, or a list from scrapers.run."""
    if value is None:
        return None
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def _connection_kind(exc: DownloadFailedError) -> str:
    """`connection_reset` (the server reset or dropped the connection mid-answer) or
    `connection_closed` (it closed cleanly without answering), from the Twisted reasons."""
    reasons = getattr(exc.__cause__, "reasons", None) or []
    kinds = [getattr(r, "value", r) for r in reasons]
    if any(isinstance(k, ConnectionDone) for k in kinds) or "ConnectionDone" in str(exc):
        return "connection_closed"
    if any(isinstance(k, ConnectionLost) for k in kinds) or "ConnectionLost" in str(exc):
        return "connection_reset"
    return "download_failed"


def error_kind(failure: Failure, *, crawling: bool = True) -> str:
    """The stats name of a failed request. `crawling` is false once the crawl is shutting
    down: a download cancelled then was stopped by us, not by its size."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if isinstance(exc, DownloadTimeoutError | TimeoutError | TCPTimedOutError):
        return "timeout"
    if isinstance(exc, DownloadCancelledError):
        # A declared size over DOWNLOAD_MAXSIZE says so; a body that grows past it while
        # streaming is cancelled with no message. Nothing else cancels a download while the
        # crawl runs (timeouts are their own error).
        if "max size" in str(exc) or "maxsize" in str(exc) or (crawling and not str(exc)):
            return "oversized"
        return "cancelled"
    if isinstance(exc, DownloadConnectionRefusedError):
        return "connection_refused"
    if isinstance(exc, DownloadFailedError):
        return _connection_kind(exc)
    if isinstance(exc, ResponseDataLossError):
        return "data_loss"
    if isinstance(exc, OffsiteRedirect):
        return "offsite_redirect"
    if isinstance(exc, IgnoreRequest):
        if "max redirections" in str(exc):
            return "redirect_loop"
        return "robots_disallowed" if "robots" in str(exc).lower() else "ignored"
    return type(exc).__name__.lower()


class PostingSpider(scrapy.Spider):
    """Common arguments: `api_base`, `boards` (comma list) or `board`, `crawl_date`,
    `fetched_at` (fixed timestamp, for the demo), `boards_file`, `resume` (0/1), `probe`
    (0/1: board discovery's check, the first request of each board only, nothing landed),
    `eu_boards` (boards on the family's EU host besides the registry's).

    A source's spider names its metadata, `class GreenhouseSpider(PostingSpider,
    info=SOURCE)`: the spider's name, `source` and politeness settings come from it."""

    info: ClassVar[SourceInfo]
    source: ClassVar[str] = ""
    # API spiders read one host; a redirect elsewhere is refused (scrapers.middlewares).
    follow_offsite_redirects: ClassVar[bool] = False

    def __init_subclass__(cls, info: SourceInfo | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if info is not None:
            cls.info = info
            cls.name = cls.source = info.name
            # Settings of the class body (if any) refine the source's politeness.
            cls.custom_settings = {
                **info.politeness.scrapy_settings(),
                **(cls.__dict__.get("custom_settings") or {}),
            }

    def __init__(
        self,
        api_base: str | None = None,
        boards: str | list[str] | None = None,
        board: str | None = None,
        crawl_date: str | None = None,
        fetched_at: str | None = None,
        boards_file: str | None = None,
        resume: str | bool = False,
        probe: str | bool = False,
        eu_boards: str | list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.registry: Registry = load_registry(Path(boards_file) if boards_file else None)
        # This source's own `[<source>]` table of boards.toml.
        self.options: dict[str, Any] = self.registry.section(self.source)
        self.api_base = (api_base or self.default_api_base()).rstrip("/")
        # An explicit empty list crawls nothing (a demo day with no boards of a family);
        # no list at all means the registry's boards.
        requested = split_arg(boards) if boards is not None else split_arg(board)
        self.errors: Counter[str] = Counter()
        self.boards: list[str] = []
        self.not_found: list[str] = []
        self.failed: dict[str, str] = {}
        self.pending: Counter[str] = Counter()
        self.started: set[str] = set()
        self.skipped: list[str] = []
        self.explicit_boards = requested is not None
        for token in requested if requested is not None else self.registry_boards():
            try:
                self.boards.append(validate_token(token))
            except BoardTokenError as exc:
                self.logger.warning("%s", exc)
                self.errors["invalid_board_token"] += 1
                self.not_found.append(str(token)[:100])
        self.crawl_date = date.fromisoformat(crawl_date) if crawl_date else None
        self.fixed_fetched_at = fetched_at
        self.use_resume = str(resume).lower() in ("1", "true", "yes")
        self.probe = str(probe).lower() in ("1", "true", "yes")
        self.extra_eu_boards = set(split_arg(eu_boards) or [])
        self.checkpoint_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        # `scrapy crawl` without -a: fall back to PROMPTJOBS_* configuration.
        settings = crawler.settings
        if not kwargs.get("boards_file") and settings.get("PROMPTJOBS_BOARDS_FILE"):
            kwargs["boards_file"] = settings.get("PROMPTJOBS_BOARDS_FILE")
        if not kwargs.get("api_base") and settings.get("PROMPTJOBS_API_BASE"):
            kwargs["api_base"] = settings.get("PROMPTJOBS_API_BASE")
        return super().from_crawler(crawler, *args, **kwargs)

    # --- to override -------------------------------------------------------------------------
    def default_api_base(self) -> str:
        return self.registry.api.get(self.source, "")

    def company_name(self, board: str) -> str:
        """The registry's name for a board, else the token made readable (`fjord-systems` ->
        `Fjord Systems`): Lever and Ashby answers do not name the employer."""
        known = self.registry.company_for(self.source, board)
        if known:
            return known
        return " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_.]+", board) if w)

    def registry_boards(self) -> list[str]:
        return self.registry.boards_for(self.source)

    def is_eu_board(self, board: str) -> bool:
        """On the family's EU host: the registry's `region = "eu"` or an `eu_boards` argument."""
        return board in self.extra_eu_boards or board in self.registry.eu_boards(self.source)

    def board_requests(self, board: str) -> Iterable[Request]:
        raise NotImplementedError

    # --- start -------------------------------------------------------------------------------
    async def start(self) -> Any:
        for request in self.start_board_requests():
            yield request

    def start_board_requests(self) -> Iterator[Request]:
        if self.use_resume and self.boards:
            day = self.crawl_date or datetime.now(UTC).date()
            jobs_dir = Path(self.settings.get("PROMPTJOBS_HOME") or ".promptjobs") / "jobs"
            self.checkpoint_path = resume.checkpoint_path(
                jobs_dir, self.source, day, self.api_base, self.boards
            )
            done = resume.boards_done(self.checkpoint_path)
            self.skipped = [b for b in self.boards if b in done]
            if self.skipped:
                self.logger.info("resuming: %d boards already landed today", len(self.skipped))
        for board in self.boards:
            if board in self.skipped:
                continue
            self.started.add(board)
            yield from self.board_requests(board)

    # --- requests and responses -------------------------------------------------------------
    def board_request(
        self,
        url: str,
        board: str,
        handler: Callable[..., Iterable[Any]],
        *,
        root: bool = False,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Request:
        """A request of `board`, answered by `handler(response, board)`; `root` marks the
        request whose 404 means "board not found"."""
        self.pending[board] += 1
        return Request(
            url,
            callback=self._on_response,
            errback=self._on_error,
            dont_filter=True,
            meta={"board": board, "handler": handler.__name__, "root": root, **(meta or {})},
            **kwargs,
        )

    def _on_response(self, response: Response) -> Iterator[Any]:
        board = response.meta["board"]
        self.pending[board] -= 1
        handler = getattr(self, response.meta["handler"])
        try:
            results = list(handler(response, board))
            if self.probe:
                # A probe only asks whether the board answers in its wire format: what the
                # first answer parsed into (items, further requests) is dropped.
                self.pending[board] -= sum(1 for r in results if isinstance(r, Request))
                return
        except SourceFormatError as exc:
            self._fail(board, exc.kind, f"{response.url}: {exc}")
            return
        except Exception as exc:  # a parser bug must not stop the other boards
            self._fail(board, "parse_error", f"{response.url}: {exc!r}")
            return
        for result in results:
            if isinstance(result, Request):
                result.meta.setdefault("board", board)
            yield result

    def _on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        board = request.meta["board"]
        self.pending[board] -= 1
        engine = getattr(self.crawler, "engine", None)
        kind = error_kind(failure, crawling=bool(getattr(engine, "running", True)))
        status = failure.value.response.status if isinstance(failure.value, HttpError) else None
        if status in (404, 410) and request.meta.get("root"):
            self.errors["board_not_found"] += 1
            self.logger.warning("%s board %r not found (%s)", self.source, board, request.url)
            if board not in self.not_found:
                self.not_found.append(board)
            return
        if status in (404, 410):
            # A posting that vanished between the list and its detail page.
            self.errors[f"posting_gone_{status}"] += 1
            return
        self._fail(board, kind, f"{request.url}: {failure.getErrorMessage()}")

    def _fail(self, board: str, kind: str, message: str) -> None:
        self.errors[kind] += 1
        self.failed.setdefault(board, kind)
        self.logger.warning("%s board %r failed: %s: %s", self.source, board, kind, message)

    def board_outcomes(self, reason: str) -> dict[str, list[str]]:
        ok, failed = [], []
        for board in self.boards:
            if board in self.skipped or board in self.not_found:
                continue
            if board in self.failed or self.pending[board] > 0 or board not in self.started:
                failed.append(board)
            else:
                ok.append(board)
        return {
            "ok": ok,
            "not_found": list(self.not_found),
            "failed": failed,
            "skipped": list(self.skipped),
        }

    # --- helpers for the parsers --------------------------------------------------------------
    def json_of(self, response: Response) -> Any:
        """The decoded JSON body, or SourceFormatError (`not_json` / `bad_json`)."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1").lower()
        body = response.body
        head = body.lstrip()[:1]
        if "html" in content_type or head == b"<":
            raise SourceFormatError("not_json", f"expected JSON, got {content_type or 'HTML'}")
        if not body.strip():
            raise SourceFormatError("bad_json", "empty body")
        try:
            text = response.text if isinstance(response, TextResponse) else body.decode()
            return json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SourceFormatError("bad_json", f"truncated or malformed JSON: {exc}") from None

    def fetched_at(self) -> str:
        if self.fixed_fetched_at:
            return self.fixed_fetched_at
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def each_posting(
        self,
        rows: Iterable[Any],
        build: Callable[[Any], PostingItem | None],
    ) -> Iterator[PostingItem]:
        """Build one item per row; a row that breaks the builder is counted and skipped, so
        one odd posting never loses the rest of its board."""
        for row in rows:
            try:
                item = build(row)
            except Exception as exc:
                self.errors["bad_posting"] += 1
                self.logger.warning("%s: posting skipped: %r", self.source, exc)
                continue
            if item is not None:
                yield item

    def expect(self, data: Any, kind: type, what: str) -> Any:
        if not isinstance(data, kind):
            raise SourceFormatError("bad_shape", f"{what}: expected {kind.__name__}")
        return data
