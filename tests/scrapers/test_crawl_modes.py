"""crawl() modes: offline replay from the HTTP cache, and Remotive's daily call budget."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from scraper_fixtures import FAST

from scrapers.run import crawl

DAY = date(2026, 9, 7)


def test_replay_serves_the_recorded_cache_offline(settings, fixture_server):
    server, _ = fixture_server
    kwargs = dict(
        boards={"ashby": ["promptly"]},
        api_base=server.url,
        crawl_date=DAY,
        progress=False,
        scrapy_settings=FAST,
    )
    recorded = crawl(settings.crawl_config(), ["ashby"], **kwargs)[0]
    server.stop()
    replayed = crawl(settings.crawl_config(), ["ashby"], replay=True, **kwargs)[0]
    assert replayed["status"] == "ok" and replayed["items"] == recorded["items"] == 1
    assert Path(settings.httpcache_dir).is_dir()


def test_remotive_keeps_to_a_few_calls_a_day(settings):
    from datetime import UTC, datetime

    budget_file = settings.jobs_dir / "remotive-calls.json"
    budget_file.parent.mkdir(parents=True, exist_ok=True)
    today = datetime.now(UTC).date().isoformat()
    budget_file.write_text(json.dumps({today: 4}))
    [stats] = crawl(
        settings.crawl_config(),
        ["remotive"],
        api_base="https://remotive.com",
        progress=False,
        scrapy_settings=FAST,
    )
    assert stats["status"] == "failed"
    assert stats["errors"] == {"daily_call_budget": 1}
    assert stats["requests"] == 0
