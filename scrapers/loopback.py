"""A small threaded, keep-alive HTTP/1.1 server on a free 127.0.0.1 port, in a thread.

The demo boards, the spider tests and the crawl benchmark serve their answers through it. A
route function maps (path with query) to a `Reply`; faults are just replies (a status and a
Retry-After, a delay longer than the client's timeout, a truncated body, ...)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (timeouts)


Route = Callable[[str], Reply]
# POST answers (Workday's CXS search): (path with query, request body) -> Reply.
PostRoute = Callable[[str, bytes], Reply]


def json_reply(body: bytes | str, status: int = 200, **headers: str) -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(status=status, body=data, headers=dict(headers))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._answer(None)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length) if length else b"")

    def _answer(self, body: bytes | None) -> None:
        self.server.hits[self.path.split("?", 1)[0]] += 1
        self.server.request_headers.append(dict(self.headers.items()))
        try:
            route = self.server.route
            if body is not None:
                if self.server.post_route is None:
                    reply = Reply(status=405, body=b"{}")
                else:
                    reply = self.server.post_route(self.path, body)
            # A route marked `takes_headers` also gets the request headers (Range requests).
            elif getattr(route, "takes_headers", False):
                reply = route(self.path, dict(self.headers.items()))  # type: ignore[call-arg]
            else:
                reply = route(self.path)
        except Exception as exc:  # a route bug answers 500 instead of killing the thread
            reply = Reply(status=500, body=repr(exc).encode(), content_type="text/plain")
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (a timeout, a cancelled oversized download) is not news.
        return

    def __init__(
        self, route: Route, post_route: PostRoute | None = None, host: str = "127.0.0.1"
    ) -> None:
        super().__init__((host, 0), _Handler)
        self.route = route
        self.post_route = post_route
        self.hits: Counter[str] = Counter()
        self.request_headers: list[dict[str, str]] = []


class LoopbackServer:
    """`with LoopbackServer(route) as srv: srv.url ...`; `srv.hits[path]` counts requests.
    `post_route` answers POST requests (without it they get a 405). `host` is another
    loopback address (127.0.0.2, ...) when a benchmark needs hosts that crawlers tell apart."""

    def __init__(
        self, route: Route, post_route: PostRoute | None = None, host: str = "127.0.0.1"
    ) -> None:
        self._route = route
        self._post_route = post_route
        self._host = host
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> LoopbackServer:
        self._server = _Server(self._route, self._post_route, self._host)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "server not started"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    @property
    def hits(self) -> Counter[str]:
        assert self._server is not None
        return self._server.hits

    @property
    def request_headers(self) -> list[dict[str, str]]:
        assert self._server is not None
        return self._server.request_headers

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
