"""crawl(): one failing source, resume after an interruption, offline replay."""

from __future__ import annotations

import gzip
import json
import os
import signal
import threading
import time
from datetime import date
from pathlib import Path

from scraper_fixtures import FAST

from scrapers.landing import partition_dir, read_landing
from scrapers.records import landing_json_problem, seal_holds
from scrapers.run import crawl

DAY = date(2026, 9, 7)


def landed(settings, stats: dict) -> list[dict]:
    folder = partition_dir(
        settings.landing_dir, stats["source"], date.fromisoformat(stats["crawl_date"])
    )
    return read_landing(folder / stats["landing_file"])


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
    first = crawl(settings.crawl_config(), ["greenhouse"], **kwargs)[0]
    assert first["boards_ok"] == ["acme"] and first["boards_failed"] == ["flaky"]
    routes.always_fail.clear()
    routes.calls.clear()
    second = crawl(settings.crawl_config(), ["greenhouse"], **kwargs)[0]
    assert second["boards_ok"] == ["flaky"] and second["boards_skipped_resumed"] == ["acme"]
    assert "/v1/boards/acme/jobs" not in routes.calls
    assert second["run_id"] != first["run_id"]
    # Complete now: the next crawl of the day starts over and lands the same ids again,
    # which the warehouse keys on (source, source_id), so nothing counts twice.
    third = crawl(settings.crawl_config(), ["greenhouse"], **kwargs)[0]
    assert sorted(third["boards_ok"]) == ["acme", "flaky"]
    ids_first = {r["source_id"] for r in landed(settings, first)}
    ids_third = {r["source_id"] for r in landed(settings, third)}
    assert ids_first <= ids_third
    folder = partition_dir(settings.landing_dir, "greenhouse", DAY)
    assert len(list(folder.glob("*.jsonl.gz"))) == 3 == len(list(folder.glob("*.stats.json")))


def test_a_crawl_seals_its_landing_file_and_every_sealed_line_passes_the_model(
    settings, fixture_server
):
    server, _ = fixture_server
    stats = crawl(
        settings.crawl_config(),
        ["greenhouse"],
        boards={"greenhouse": ["acme"]},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )[0]
    folder = partition_dir(settings.landing_dir, "greenhouse", DAY)
    data = folder / stats["landing_file"]
    seal = json.loads((folder / f"{stats['run_id']}.stats.json").read_text())["landing_seal"]
    assert seal_holds(seal, data)
    with gzip.open(data, "rb") as fh:
        lines = fh.read().splitlines()
    assert len(lines) == stats["items"] > 0
    # What the seal vouches for: the record as written (pay ranges already cleaned by the
    # pipeline) is still one the model accepts, so ingest may trust it unscreened.
    assert [landing_json_problem(line) for line in lines] == [None] * len(lines)


def _child_pids_for(home: Path) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if "scrapers.child" in cmdline and str(home) in cmdline:
            pids.append(int(entry.name))
    return pids


def test_a_crawl_stopped_by_ctrl_c_lands_what_it_finished_and_resumes_the_rest(
    settings, fixture_server
):
    server, routes = fixture_server  # its "slow" board answers after 2.5 s
    home = settings.home.resolve()

    def interrupt_when_slow_is_in_flight() -> None:
        deadline = time.monotonic() + 60
        while "/v1/boards/slow/jobs" not in routes.calls and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in _child_pids_for(home):
            os.kill(pid, signal.SIGINT)

    kwargs = dict(
        boards={"greenhouse": ["slow", "acme"]},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings={**FAST, "DOWNLOAD_TIMEOUT": 10, "CONCURRENT_REQUESTS": 1},
    )
    killer = threading.Thread(target=interrupt_when_slow_is_in_flight)
    killer.start()
    first = crawl(settings.crawl_config(), ["greenhouse"], **kwargs)[0]
    killer.join()
    assert first["close_reason"] == "shutdown"
    assert first["boards_ok"] == ["slow"] and first["boards_failed"] == ["acme"]
    assert "/v1/boards/acme/jobs" not in routes.calls
    second = crawl(settings.crawl_config(), ["greenhouse"], **kwargs)[0]
    assert second["boards_skipped_resumed"] == ["slow"] and second["boards_ok"] == ["acme"]
    assert second["status"] == "ok" and second["items"] == 3


def test_politeness_is_off_for_a_loopback_mirror_and_kept_for_anyone_else(settings) -> None:
    from scrapers.run import _job

    def overrides(api_base: str) -> dict:
        job = _job(
            settings.crawl_config(),
            "greenhouse",
            boards=None,
            api_base=api_base,
            crawl_date=date(2026, 9, 7),
            replay=False,
            urls=None,
            months=None,
            log_level="INFO",
            scrapy_settings=None,
        )
        return job["settings"]

    mirror = overrides("http://127.0.0.1:8123")
    assert mirror["AUTOTHROTTLE_ENABLED"] is False and mirror["DOWNLOAD_DELAY"] == 0
    assert mirror["RETRY_BACKOFF_BASE"] < 0.1  # a refused local port is not waited on
    public = overrides("https://boards-api.greenhouse.io")
    # Other people's servers get the project's delays and backoff (scrapers/settings.py).
    assert not {"AUTOTHROTTLE_ENABLED", "DOWNLOAD_DELAY", "RETRY_BACKOFF_BASE"} & set(public)
