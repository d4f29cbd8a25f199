"""`crawl --replay` that finds nothing in the HTTP cache says why and what to do.

The cache is filled by Scrapy's own FilesystemCacheStorage, as a `promptjobs demo` fills it
(demo boards on a loopback port), then the real CLI replays the registry's boards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scrapy import Spider
from scrapy.extensions.httpcache import FilesystemCacheStorage
from scrapy.http import Request, TextResponse
from scrapy.settings import Settings as ScrapySettings
from scrapy.utils.test import get_crawler

from scrapers.cache import cached_origins, replay_hint

PROMPTJOBS = str(Path(sys.executable).with_name("promptjobs"))
DEMO_URL = "http://127.0.0.1:34885/d/2026-10-19/greenhouse/v1/boards/acme/jobs?content=true"


def record(cache: Path, source: str, url: str) -> None:
    settings = {"HTTPCACHE_DIR": str(cache), "HTTPCACHE_EXPIRATION_SECS": 0}
    storage = FilesystemCacheStorage(ScrapySettings(settings))
    spider = Spider.from_crawler(get_crawler(Spider, settings), name=source)
    storage.open_spider(spider)
    request = Request(url)
    storage.store_response(spider, request, TextResponse(url, body=b"{}", request=request))
    storage.close_spider(spider)


def test_the_cache_origins_are_read_from_scrapys_own_files(tmp_path: Path) -> None:
    record(tmp_path, "greenhouse", DEMO_URL)
    record(tmp_path, "greenhouse", DEMO_URL.replace("acme", "other"))
    record(tmp_path, "lever", "https://api.lever.co/v0/postings/acme?mode=json")
    assert cached_origins(tmp_path, ["greenhouse"]) == ["http://127.0.0.1:34885"]
    assert cached_origins(tmp_path, ["greenhouse", "lever"]) == [
        "http://127.0.0.1:34885",
        "https://api.lever.co",
    ]


def test_no_hint_when_the_replay_served_something(tmp_path: Path) -> None:
    record(tmp_path, "greenhouse", DEMO_URL)
    assert replay_hint(tmp_path, [{"responses": 3, "items": 5}], ["greenhouse"], None) is None


def test_an_empty_cache_says_to_crawl_once_live(tmp_path: Path) -> None:
    hint = replay_hint(tmp_path / "httpcache", [{"responses": 0}], ["greenhouse"], None)
    assert hint == (
        f"replay served nothing: the HTTP cache {tmp_path / 'httpcache'} holds no responses "
        "for these sources; crawl once without --replay to record them"
    )


def test_replay_on_a_demo_home_says_why_it_found_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    record(home / "httpcache", "greenhouse", DEMO_URL)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROMPTJOBS_")}
    env["PROMPTJOBS_HOME"] = str(home)
    result = subprocess.run(
        [PROMPTJOBS, "crawl", "greenhouse", "--replay", "--board", "acme"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert "Traceback" not in result.stderr
    hint = result.stderr.strip().splitlines()[-1]
    assert hint.startswith(
        "replay served nothing: it answers only requests recorded before at the same address, "
        "and the cache holds responses from http://127.0.0.1:34885 (a local server: the demo "
        "boards of `promptjobs demo`"
    )
    assert hint.endswith(
        "not from the registry's boards; crawl once without --replay to record them"
    )
