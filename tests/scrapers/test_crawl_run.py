"""crawl(): one failing source, resume after an interruption, offline replay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FAST

from scrapers.landing import partition_dir, read_landing
from scrapers.run import crawl

DAY = date(2026, 9, 7)


def landed(settings, stats: dict) -> list[dict]:
    folder = partition_dir(
        settings.landing_dir, stats["source"], date.fromisoformat(stats["crawl_date"])
    )
    return read_landing(folder / stats["landing_file"])


def test_a_source_whose_server_is_down_fails_alone(settings, fixture_server):
    server, _ = fixture_server
    results = crawl(
        settings,
        ["lever", "workable"],
        boards={"lever": ["fjord"], "workable": ["babelvoice"]},
        api_base={"lever": "http://127.0.0.1:9", "workable": server.url},
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )
    lever, workable = results
    assert lever["status"] == "failed" and lever["boards_failed"] == ["fjord"]
    assert workable["status"] == "ok" and workable["items"] == 1


def test_an_interrupted_crawl_resumes_with_the_boards_that_did_not_land(settings, fixture_server):
    server, routes = fixture_server
    routes.always_fail.add("/v1/boards/flaky/jobs")
    kwargs = dict(
        boards={"greenhouse": ["acme", "flaky"]},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )
    first = crawl(settings, ["greenhouse"], **kwargs)[0]
    assert first["boards_ok"] == ["acme"] and first["boards_failed"] == ["flaky"]
    routes.always_fail.clear()
    routes.calls.clear()
    second = crawl(settings, ["greenhouse"], **kwargs)[0]
    assert second["boards_ok"] == ["flaky"] and second["boards_skipped_resumed"] == ["acme"]
    assert "/v1/boards/acme/jobs" not in routes.calls
    assert second["run_id"] != first["run_id"]
    # Complete now: the next crawl of the day starts over and lands the same ids again,
    # which the warehouse keys on (source, source_id), so nothing counts twice.
    third = crawl(settings, ["greenhouse"], **kwargs)[0]
    assert sorted(third["boards_ok"]) == ["acme", "flaky"]
    ids_first = {r["source_id"] for r in landed(settings, first)}
    ids_third = {r["source_id"] for r in landed(settings, third)}
    assert ids_first <= ids_third
    folder = partition_dir(settings.landing_dir, "greenhouse", DAY)
    assert len(list(folder.glob("*.jsonl.gz"))) == 3 == len(list(folder.glob("*.stats.json")))


def test_replay_serves_the_recorded_cache_offline(settings, fixture_server):
    server, _ = fixture_server
    kwargs = dict(
        boards={"ashby": ["promptly"]},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )
    recorded = crawl(settings, ["ashby"], **kwargs)[0]
    server.stop()
    replayed = crawl(settings, ["ashby"], replay=True, **kwargs)[0]
    assert replayed["status"] == "ok" and replayed["items"] == recorded["items"] == 1
    assert Path(settings.httpcache_dir).is_dir()
