"""A loopback web archive written by us: one 127.0.0.1 server that answers the paths of both
archives, built from a list of captures (URL, time, page), for the tests, the benchmark and
anyone who wants to try `promptjobs backfill --archive-base URL` offline.

Common Crawl side (pywb): `/collinfo.json` (one crawl per month that has captures, in the
real file's shape, newest first), `/<crawl>-index?url=...&output=json` (NDJSON, every value a
string), `showNumPages=true` (`{"pages", "pageSize", "blocks"}`), a 404 `{"message": "No
Captures found for: ..."}` and a 400 `{"message": "Page N invalid: First Page is 0, Last Page
is M"}`; `/crawl-data/.../warc/*.warc.gz` served by HTTP Range (206), one gzip member per
WARC record (warcio writes them). Wayback side: `/cdx/search/cdx?...&output=json` (an array
of arrays whose first row is the header; an empty body past the last page), `showNumPages`
(a bare number) and the raw captures `/web/<timestamp>id_/<url>`.

`page_size` sets the rows per index page (paging is tested with a few rows), and every path
in `fail_once` answers 503 the first time it is asked; a path starting with a key of `slow`
is answered after that many seconds."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import re
import threading
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrapers.loopback import LoopbackServer, Reply

IA_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


@dataclass(frozen=True)
class ReplayCapture:
    url: str
    timestamp: str  # 14 digits
    body: str
    archives: tuple[str, ...] = ("commoncrawl", "wayback")
    status: int = 200
    mime: str = "text/html"


def surt(url: str) -> str:
    """The CDX sort key: `https://boards.greenhouse.io/acme/jobs/1` -> `io,greenhouse,boards)/acme/jobs/1`."""
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return ",".join(reversed(host.split("."))) + ")" + path.lower()


def _digest(body: bytes) -> str:
    import base64

    return base64.b32encode(hashlib.sha1(body).digest()).decode()


@dataclass
class _Row:
    capture: ReplayCapture
    urlkey: str
    digest: str
    crawl: str | None = None
    filename: str | None = None
    offset: int = 0
    length: int = 0


class ArchiveReplay:
    """`with ArchiveReplay(captures) as archive: archive.url ...`"""

    def __init__(
        self,
        captures: list[ReplayCapture],
        *,
        page_size: int = 1000,
        fail_once: tuple[str, ...] = (),
        slow: dict[str, float] | None = None,
    ) -> None:
        self.page_size = page_size
        self.slow = dict(slow or {})
        self.fail_once = set(fail_once)
        self._failed: set[str] = set()
        self._lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.index_pages: Counter[tuple[str, int]] = Counter()  # (index path, page) served
        self.ranges: Counter[str] = Counter()
        self.user_agents: Counter[str] = Counter()
        self.rows: list[_Row] = []
        self.crawls: dict[str, list[_Row]] = {}
        self.warc_files: dict[str, bytes] = {}
        self._build(captures)
        self._server = LoopbackServer(self._route)

    # --- building the archive ------------------------------------------------------------------
    def _build(self, captures: list[ReplayCapture]) -> None:
        for cap in captures:
            body = cap.body.encode("utf-8")
            row = _Row(cap, surt(cap.url), _digest(body))
            self.rows.append(row)
            if "commoncrawl" in cap.archives:
                when = datetime.strptime(cap.timestamp, "%Y%m%d%H%M%S")
                # One crawl per month, named like Common Crawl's (year and ISO week).
                crawl = (
                    f"CC-MAIN-{when.year}-{datetime(when.year, when.month, 1).isocalendar()[1]:02d}"
                )
                row.crawl = crawl
                self.crawls.setdefault(crawl, []).append(row)
        for crawl, rows in self.crawls.items():
            rows.sort(key=lambda r: (r.urlkey, r.capture.timestamp))
            segment = f"17{zlib.crc32(crawl.encode()) % 10**11:011d}.42"
            stamp = min(r.capture.timestamp for r in rows)
            filename = f"crawl-data/{crawl}/segments/{segment}/warc/{crawl}-{stamp}-00000.warc.gz"
            out = io.BytesIO()
            writer = WARCWriter(out, gzip=True)
            for row in rows:
                cap = row.capture
                payload = cap.body.encode("utf-8")
                http_headers = StatusAndHeaders(
                    f"{cap.status} {'OK' if cap.status == 200 else 'Not Found'}",
                    [("Content-Type", f"{cap.mime}; charset=utf-8")],
                    protocol="HTTP/1.1",
                )
                when = datetime.strptime(cap.timestamp, "%Y%m%d%H%M%S")
                record = writer.create_warc_record(
                    cap.url,
                    "response",
                    payload=io.BytesIO(payload),
                    http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": when.strftime("%Y-%m-%dT%H:%M:%SZ")},
                )
                row.offset = out.tell()
                writer.write_record(record)
                row.length = out.tell() - row.offset
                row.filename = filename
            self.warc_files[filename] = out.getvalue()

    def collinfo(self) -> list[dict[str, str]]:
        out = []
        for crawl, rows in sorted(self.crawls.items(), reverse=True):
            stamps = sorted(r.capture.timestamp for r in rows)
            first = datetime.strptime(stamps[0], "%Y%m%d%H%M%S")
            last = datetime.strptime(stamps[-1], "%Y%m%d%H%M%S")
            out.append(
                {
                    "id": crawl,
                    "name": f"{first.strftime('%B %Y')} Index",
                    "timegate": f"{self.url}/{crawl}/",
                    "cdx-api": f"{self.url}/{crawl}-index",
                    "from": first.isoformat(),
                    "to": last.isoformat(),
                }
            )
        return out

    # --- serving --------------------------------------------------------------------------------
    def _route(self, path: str, headers: dict[str, str]) -> Reply:
        plain = path.split("?", 1)[0]
        with self._lock:
            self.hits[plain] += 1
            self.user_agents[headers.get("User-Agent", "")] += 1
            if plain in self.fail_once and plain not in self._failed:
                self._failed.add(plain)
                return Reply(503, b"Slow down", "text/plain")
        reply = self._answer(path, plain, headers)
        reply.delay = max(
            [reply.delay] + [d for prefix, d in self.slow.items() if path.startswith(prefix)]
        )
        return reply

    def _answer(self, path: str, plain: str, headers: dict[str, str]) -> Reply:
        query = parse_qs(urlsplit(path).query, keep_blank_values=True)
        if plain == "/robots.txt":
            return Reply(404, b"", "text/plain")
        if plain == "/collinfo.json":
            return Reply(200, json.dumps(self.collinfo(), indent=2).encode(), "application/json")
        match = re.fullmatch(r"/(CC-MAIN-[\w-]+)-index", plain)
        if match and match[1] in self.crawls:
            return self._pywb(self.crawls[match[1]], query)
        if plain == "/cdx/search/cdx":
            return self._wayback_cdx(query)
        if plain in (f"/{name}" for name in self.warc_files):
            return self._warc(plain[1:], headers)
        match = re.fullmatch(r"/web/(\d{14})id_/(.+)", path)
        if match:
            return self._raw_capture(match[1], unquote(match[2]))
        return Reply(404, b"not here", "text/plain")

    _route.takes_headers = True  # type: ignore[attr-defined]  # scrapers.loopback passes headers

    @staticmethod
    def _select(rows: list[_Row], query: dict[str, list[str]], archive: str) -> list[_Row]:
        url = query.get("url", [""])[0]
        if url.startswith("*."):
            # A domain query (`*.myworkdayjobs.com`): every host under the domain, as both
            # CDX servers answer it (pywb's and the Wayback's matchType=domain).
            domain = surt(url[2:]).split(")")[0]
            key, prefix = domain + ",", True
        else:
            key = surt(url.rstrip("*"))
            prefix = url.endswith("*")
        lo = query.get("from", [""])[0].ljust(14, "0")
        hi = query.get("to", [""])[0].ljust(14, "9")
        out = []
        for row in rows:
            if archive not in row.capture.archives:
                continue
            if not (row.urlkey.startswith(key) if prefix else row.urlkey == key):
                continue
            if not (lo <= row.capture.timestamp <= hi):
                continue
            if not all(_filter_ok(row, f) for f in query.get("filter", [])):
                continue
            out.append(row)
        return sorted(out, key=lambda r: (r.urlkey, r.capture.timestamp))

    def _pywb(self, rows: list[_Row], query: dict[str, list[str]]) -> Reply:
        found = self._select(rows, query, "commoncrawl")
        pages = max(1, math.ceil(len(found) / self.page_size))
        if query.get("showNumPages", [""])[0] == "true":
            body = {"pages": pages, "pageSize": 5, "blocks": pages}
            return Reply(200, json.dumps(body).encode(), "text/x-cdxj")
        page = int(query.get("page", ["0"])[0] or 0)
        with self._lock:
            self.index_pages[("pywb", page)] += 1
        if page >= pages:
            message = f"Page {page} invalid: First Page is 0, Last Page is {pages - 1}"
            return Reply(400, json.dumps({"message": message}).encode(), "application/json")
        if not found:
            message = f"No Captures found for: {query.get('url', [''])[0]}"
            return Reply(404, json.dumps({"message": message}).encode(), "application/json")
        lines = []
        for row in found[page * self.page_size : (page + 1) * self.page_size]:
            cap = row.capture
            entry: dict[str, Any] = {
                "urlkey": row.urlkey,
                "timestamp": cap.timestamp,
                "url": cap.url,
                "mime": cap.mime,
                "mime-detected": cap.mime,
                "status": str(cap.status),
                "digest": row.digest,
                "length": str(row.length),
                "offset": str(row.offset),
                "filename": row.filename,
            }
            if cap.status == 200:
                entry.update({"languages": "eng", "encoding": "UTF-8"})
            lines.append(json.dumps(entry))
        return Reply(200, ("\n".join(lines) + "\n").encode(), "text/x-ndjson")

    def _wayback_cdx(self, query: dict[str, list[str]]) -> Reply:
        found = self._select(self.rows, query, "wayback")
        pages = max(1, math.ceil(len(found) / self.page_size))
        if query.get("showNumPages", [""])[0] == "true":
            return Reply(200, f"{pages}\n".encode(), "text/plain")
        page = int(query.get("page", ["0"])[0] or 0)
        with self._lock:
            self.index_pages[("wayback", page)] += 1
        if page >= pages:
            return Reply(200, b"", "application/json")
        chunk = found[page * self.page_size : (page + 1) * self.page_size]
        table = [IA_FIELDS] + [
            [
                r.urlkey,
                r.capture.timestamp,
                r.capture.url,
                r.capture.mime,
                str(r.capture.status),
                r.digest,
                str(len(gzip.compress(r.capture.body.encode()))),
            ]
            for r in chunk
        ]
        if not chunk:
            return Reply(200, b"[]", "application/json")
        body = "[" + ",\n".join(json.dumps(row, separators=(",", ":")) for row in table) + "]\n"
        return Reply(200, body.encode(), "application/json")

    def _warc(self, name: str, headers: dict[str, str]) -> Reply:
        data = self.warc_files[name]
        spec = headers.get("Range", "")
        match = re.fullmatch(r"bytes=(\d+)-(\d+)", spec.strip())
        if not match:
            return Reply(200, data, "application/octet-stream")
        start, end = int(match[1]), int(match[2])
        if start >= len(data):
            return Reply(416, b"", "text/plain")
        with self._lock:
            self.ranges[name] += 1
        chunk = data[start : end + 1]
        return Reply(
            206,
            chunk,
            "application/octet-stream",
            {"Content-Range": f"bytes {start}-{start + len(chunk) - 1}/{len(data)}"},
        )

    def _raw_capture(self, timestamp: str, url: str) -> Reply:
        for row in self.rows:
            cap = row.capture
            if cap.timestamp == timestamp and cap.url == url and "wayback" in cap.archives:
                return Reply(cap.status, cap.body.encode("utf-8"), f"{cap.mime}; charset=utf-8")
        return Reply(404, b"capture not found", "text/plain")

    # --- lifecycle --------------------------------------------------------------------------------
    def start(self) -> ArchiveReplay:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    @property
    def url(self) -> str:
        return self._server.url

    def __enter__(self) -> ArchiveReplay:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _filter_ok(row: _Row, spec: str) -> bool:
    """`[!][=]field:value` (pywb: `=` exact, otherwise a regex; the Wayback server: regex)."""
    negate = spec.startswith("!")
    spec = spec.lstrip("!")
    exact = spec.startswith("=")
    spec = spec.lstrip("=~")
    field, _, value = spec.partition(":")
    actual = {
        "status": str(row.capture.status),
        "statuscode": str(row.capture.status),
        "mime": row.capture.mime,
        "mimetype": row.capture.mime,
        "url": row.capture.url,
        "original": row.capture.url,
    }.get(field, "")
    ok = actual == value if exact else re.search(value, actual) is not None
    return ok != negate
