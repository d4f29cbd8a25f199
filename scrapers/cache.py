"""HTTP cache policies: record (always fetch, always store) and replay (see settings.py),
and why a replay served nothing."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.extensions.httpcache import DummyPolicy

if TYPE_CHECKING:
    from scrapy.http import Request, Response


class RecordPolicy(DummyPolicy):
    """Never answer from the cache, but store every cacheable answer: a live crawl stays
    fresh and leaves behind a cache that `--replay` can serve offline later."""

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        return False

    def is_cached_response_valid(
        self, cachedresponse: Response, response: Response, request: Request
    ) -> bool:
        return False


def cached_origins(httpcache_dir: Path, sources: list[str], limit: int = 500) -> list[str]:
    """The scheme://host:port the HTTP cache holds responses from, for `sources`, most
    frequent first (reads at most `limit` of Scrapy's FilesystemCacheStorage `meta` files,
    which are a Python dict literal with the request `url`)."""
    counts: Counter[str] = Counter()
    read = 0
    for source in sources:
        for meta in (httpcache_dir / source).glob("*/*/meta"):
            if read >= limit:
                break
            read += 1
            try:
                url = ast.literal_eval(meta.read_text(encoding="utf-8")).get("url", "")
            except (OSError, ValueError, SyntaxError, AttributeError):
                continue
            parts = urlsplit(str(url))
            if parts.scheme and parts.netloc:
                counts[f"{parts.scheme}://{parts.netloc}"] += 1
    return [origin for origin, _ in counts.most_common()]


def replay_hint(
    httpcache_dir: Path, stats: list[dict], sources: list[str], api_base: str | None
) -> str | None:
    """Why a `--replay` crawl served nothing, and what to do; None when it served something.

    Replay answers only requests recorded before at the same address, so a cache filled by
    `promptjobs demo` (demo boards on a loopback port, per-day paths) serves no crawl of
    the registry's boards."""
    if any(s.get("responses") or s.get("items") for s in stats):
        return None
    origins = cached_origins(httpcache_dir, sources)
    if not origins:
        return (
            f"replay served nothing: the HTTP cache {httpcache_dir} holds no responses for "
            "these sources; crawl once without --replay to record them"
        )
    shown = ", ".join(origins[:3]) + (" ..." if len(origins) > 3 else "")
    from scrapers.run import is_loopback  # the crawl runner's notion of a local server

    demo = all(is_loopback(o) for o in origins)
    why = (
        " (a local server: the demo boards of `promptjobs demo`, whose snapshots are already "
        "in the warehouse; run `promptjobs demo` again to rebuild them)"
        if demo
        else ""
    )
    asked = f"--api-base {api_base}" if api_base else "the registry's boards"
    return (
        f"replay served nothing: it answers only requests recorded before at the same address, "
        f"and the cache holds responses from {shown}{why}, not from {asked}; "
        "crawl once without --replay to record them"
    )
