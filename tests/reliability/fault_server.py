"""A loopback HTTP/1.1 server that fails in every way a job-board API can, one board per fault.

Greenhouse's wire format (`/v1/boards/<board>/jobs`) is served for every board; the board
token names the fault. Faults that `scrapers.loopback` cannot express as a reply (a reset
connection, a body streamed past the size limit, a body shorter than its Content-Length)
are written on the socket directly. Every request's path and Host header is recorded.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

# Scrapy settings for crawls against this server: short timeouts and backoffs so every fault
# finishes in seconds; RETRY_TIMES as in production (3), so a run of 500/502/503 is retried
# through; a Retry-After over 5 s means "not today".
FAST = {
    "DOWNLOAD_TIMEOUT": 1,
    "RETRY_TIMES": 3,
    "RETRY_BACKOFF_BASE": 0.05,
    "RETRY_AFTER_MAX": 5,
}
FIFTY_MB = 50 * 1024 * 1024
SESSION_COOKIE = "session=tracking-7d1e; Path=/"
CHUNK = b" " * (1024 * 1024)


def greenhouse_job(job_id: int, title: str, location: str = "Remote") -> dict[str, Any]:
    return {
        "id": job_id,
        "title": title,
        "absolute_url": f"https://boards.example.com/acme/jobs/{job_id}",
        "company_name": "Acme AI",
        "location": {"name": location},
        "content": "&lt;p&gt;Write and evaluate prompts for our assistant.&lt;/p&gt;",
        "first_published": "2026-09-01T09:00:00-04:00",
        "updated_at": "2026-09-02T09:00:00-04:00",
        "pay_input_ranges": [],
    }


def board_body(*jobs: dict[str, Any]) -> dict[str, Any]:
    return {"jobs": list(jobs), "meta": {"total": len(jobs)}}


# board -> (status, body) for plain answers; faults below are handled in the handler.
GOOD_BOARDS: dict[str, dict[str, Any]] = {
    "acme": board_body(
        greenhouse_job(1001, "Prompt Engineer"), greenhouse_job(1002, "LLM Evaluation Lead")
    ),
    "onsite-redirect-target": board_body(greenhouse_job(2001, "AI Trainer")),
    "recovered": board_body(greenhouse_job(3001, "Conversation Designer")),
}
LATIN1_TITLE = "Ingénieur prompt, Zürich"
LATIN1_LOCATION = "Zürich, Suisse"

# Every fault board, with what the crawl must conclude about it.
EXPECTED_OK = {
    "acme": ["1001", "1002"],
    "ratelimit-retry-after": ["3001"],  # 429 + Retry-After: 1, then an answer
    "ratelimit-once": ["3001"],  # 429 without Retry-After, then an answer (backoff)
    "flaky-5xx": ["3001"],  # 500, 502, 503, then an answer
    "reset-once": ["3001"],  # connection reset, then an answer
    "redirect-onsite": ["2001"],  # 301 to another path of the same host is followed
    "latin1": ["4001"],  # ISO-8859-1 body declared in Content-Type
    "cp1252-undeclared": ["4002"],  # Windows-1252 body, no charset
    "utf16": ["4003"],  # UTF-16 body declared in Content-Type
    "surrogates": ["5001"],  # lone UTF-16 surrogate escapes in JSON strings
}
EXPECTED_NOT_FOUND = ["gone-404", "gone-410", "../../x"]
EXPECTED_FAILED = {
    "ratelimit-always": "http_429",  # 429 without Retry-After on every attempt
    "ratelimit-tomorrow": "http_429",  # Retry-After beyond RETRY_AFTER_MAX: not today
    "down-500": "http_500",
    "down-502": "http_502",
    "down-503": "http_503",
    "reset-always": "connection_reset",
    "stall": "timeout",
    "truncated-json": "bad_json",
    "short-body": "data_loss",
    "invalid-json": "bad_json",
    "html-instead": "not_json",
    "huge-declared": "oversized",
    "huge-streamed": "oversized",
    "redirect-loop": "redirect_loop",
    "redirect-offsite": "offsite_redirect",
}
ALL_BOARDS = [*EXPECTED_OK, *EXPECTED_NOT_FOUND, *EXPECTED_FAILED]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] += 1
            n = self.server.hits[path]
            self.server.requests.append((path, dict(self.headers.items())))
        try:
            self._answer(path, n)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: Any, status: int = 200, **headers: str) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json", **headers)

    def _reset(self) -> None:
        # SO_LINGER 0: close() sends RST instead of FIN, the client sees "connection reset".
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _answer(self, path: str, n: int) -> None:  # noqa: C901 - one branch per fault
        if path == "/robots.txt":
            # A cookie offered on the first answer: the crawler must never send it back.
            self._send(
                200, b"User-agent: *\nAllow: /\n", "text/plain", **{"Set-Cookie": SESSION_COOKIE}
            )
            return
        parts = path.strip("/").split("/")
        if len(parts) != 4 or parts[:2] != ["v1", "boards"] or parts[3] != "jobs":
            self._json({"status": 404, "error": "Job not found"}, 404)
            return
        board = parts[2]
        recovered = GOOD_BOARDS["recovered"]
        if board in GOOD_BOARDS:
            self._json(GOOD_BOARDS[board])
        elif board == "gone-404":
            self._json({"status": 404, "error": "Job not found"}, 404)
        elif board == "gone-410":
            self._json({"error": "This board was removed"}, 410)
        elif board == "ratelimit-retry-after":
            if n == 1:
                self._json({"error": "slow down"}, 429, **{"Retry-After": "1"})
            else:
                self._json(recovered)
        elif board == "ratelimit-once":
            self._json({"error": "slow down"}, 429) if n == 1 else self._json(recovered)
        elif board == "ratelimit-always":
            self._json({"error": "slow down"}, 429)
        elif board == "ratelimit-tomorrow":
            self._json({"error": "quota"}, 429, **{"Retry-After": "86400"})
        elif board == "flaky-5xx":
            if n <= 3:
                self._json({"error": "oops"}, (500, 502, 503)[n - 1])
            else:
                self._json(recovered)
        elif board.startswith("down-"):
            self._send(int(board[5:]), b"<html>Bad gateway</html>", "text/html")
        elif board == "reset-once":
            self._reset() if n == 1 else self._json(recovered)
        elif board == "reset-always":
            self._reset()
        elif board == "stall":
            time.sleep(self.server.stall_s)
            self._json(recovered)
        elif board == "truncated-json":
            self._send(200, json.dumps(GOOD_BOARDS["acme"]).encode()[:150], "application/json")
        elif board == "short-body":
            # Promises 10,000 bytes, sends 100, hangs up.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            self.wfile.write(json.dumps(GOOD_BOARDS["acme"]).encode()[:100])
            self.wfile.flush()
            self.close_connection = True
        elif board == "invalid-json":
            self._send(200, b'{"jobs": [{"id": 1, "title": "x",}], NaN}', "application/json")
        elif board == "html-instead":
            self._send(200, b"<!doctype html><title>Maintenance</title>", "text/html")
        elif board == "huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(FIFTY_MB))
            self.end_headers()
            self._stream(FIFTY_MB)
        elif board == "huge-streamed":
            # No Content-Length: the body ends when the server closes the connection.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            self._stream(FIFTY_MB)
        elif board == "redirect-loop":
            self._send(302, b"", "text/plain", Location=path)
        elif board == "redirect-onsite":
            target = "/v1/boards/onsite-redirect-target/jobs"
            self._send(301, b"", "text/plain", Location=target)
        elif board == "redirect-offsite":
            # Same server, other host name: would succeed if the crawler followed it.
            location = f"http://localhost:{self.server.server_address[1]}/v1/boards/acme/jobs"
            self._send(302, b"", "text/plain", Location=location)
        elif board == "surrogates":
            # Valid JSON, but "\\ud800" decodes to a lone surrogate no UTF-8 file can hold.
            body = json.dumps(board_body(greenhouse_job(5001, "Prompt Engineer")))
            body = body.replace("Prompt Engineer", "Prompt \\ud800Engineer \\udc00")
            self._send(200, body.encode(), "application/json")
        elif board in ("latin1", "cp1252-undeclared", "utf16"):
            job_id, encoding, content_type = {
                "latin1": (4001, "iso-8859-1", "application/json; charset=ISO-8859-1"),
                "cp1252-undeclared": (4002, "cp1252", "application/json"),
                "utf16": (4003, "utf-16", "application/json; charset=utf-16"),
            }[board]
            job = greenhouse_job(job_id, LATIN1_TITLE, LATIN1_LOCATION)
            body = json.dumps(board_body(job), ensure_ascii=False).encode(encoding)
            self._send(200, body, content_type)
        else:
            self._json({"status": 404, "error": "Job not found"}, 404)

    def _stream(self, total: int) -> None:
        sent = 0
        while sent < total:
            self.wfile.write(CHUNK)
            sent += len(CHUNK)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, stall_s: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stall_s = stall_s
        self.lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []

    def handle_error(self, request: object, client_address: object) -> None:
        return  # clients hang up on purpose here (timeouts, oversized bodies)


class FaultServer:
    """`with FaultServer(stall_s=3) as srv:` greenhouse boards on `srv.url`, one per fault."""

    def __init__(self, stall_s: float = 3.0) -> None:
        self._server = _Server(stall_s)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def hits(self) -> Counter[str]:
        return self._server.hits

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return self._server.requests

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
