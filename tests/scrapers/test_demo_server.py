"""The demo boards over real HTTP, crawled by the real spiders."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from scrapers.demo.server import DemoServer
from scrapers.landing import partition_dir, read_landing
from scrapers.registry import SOURCES
from scrapers.run import crawl


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_the_server_answers_the_real_api_paths_per_snapshot():
    with DemoServer() as demo:
        day = demo.snapshot_dates[0]
        bases = demo.api_bases(day)
        assert set(bases) == set(SOURCES) - {"jsonld"}
        assert all(b.startswith("http://127.0.0.1:") for b in bases.values())
        board = demo.boards(day)["greenhouse"][0]
        status, body = get(
            f"{bases['greenhouse']}/v1/boards/{board}/jobs?content=true&pay_transparency=true"
        )
        assert status == 200 and json.loads(body)["jobs"]
        status, _ = get(f"{bases['greenhouse']}/v1/boards/nosuchboard/jobs")
        assert status == 404
        status, body = get(f"{bases['remoteok']}/api")
        assert "legal" in json.loads(body)[0]
        status, body = get(f"{demo.url}/robots.txt")
        assert status == 200 and b"User-agent" in body
        assert len(demo.boards(day)["jsonld"]) == 2


NEWER_FAMILIES = ("workday", "recruitee", "personio", "bamboohr", "breezy")


@pytest.mark.slow
def test_one_snapshot_crawls_every_source_completely(settings):
    with DemoServer() as demo:
        day = demo.snapshot_dates[1]
        results = crawl(
            settings.crawl_config(),
            demo.sources(day),
            boards=demo.boards(day),
            api_base=demo.api_bases(day),
            crawl_date=day,
            progress=False,
        )
    assert {s["source"]: s["status"] for s in results} == {s: "ok" for s in SOURCES}
    assert sum(s["items"] for s in results) >= 200
    assert all(s["items_invalid"] == 0 and s["errors"] == {} for s in results)
    for stats in results:
        records = read_landing(
            partition_dir(settings.landing_dir, stats["source"], day) / stats["landing_file"]
        )
        # The newer families' demo boards are found only by discovery: nothing listed, nothing landed.
        assert records or stats["source"] in NEWER_FAMILIES
        assert all(r["fetched_at"] == f"{day.isoformat()}T06:00:00Z" for r in records)
        assert {r["board"] for r in records} <= set(stats["boards_ok"])


def test_nothing_a_posting_lands_with_depends_on_the_server_port():
    from scrapers.sources.jsonld.parse import board_of, extract_postings, parse_job_posting

    with DemoServer() as demo:
        day = demo.snapshot_dates[0]
        sitemap = demo.boards(day)["jsonld"][1]
        _, body = get(sitemap)
        urls = [chunk.split("</loc>")[0] for chunk in body.decode().split("<loc>")[1:]]
        pages = {url: get(url)[1].decode() for url in urls}
        port = str(demo._server.port)
    items = []
    for url, page in pages.items():
        postings, broken = extract_postings(page, url)
        assert broken == 0
        items += [
            parse_job_posting(p, url, board_of(url), "2026-09-07T06:00:00Z") for p in postings
        ]
    assert len(items) == len(pages) > 0
    assert all(port not in json.dumps(dict(item)) for item in items)
