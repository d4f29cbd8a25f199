"""`crawl()`: run spiders from any Python process, as often as needed.

Twisted's reactor cannot restart, so every call runs one child process (`python -m
scrapers.child SPEC`) holding one CrawlerProcess with one crawler per source. The parent
picks the run ids, so it knows where each stats file lands, and reports a source whose child
died as `failed` instead of raising.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapers.landing import new_run_id, partition_dir
from scrapers.registry import SOURCES
from scrapers.sources import get_source

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CrawlConfig:
    """What a crawl needs from the configuration, as plain values (the caller reads its
    settings and passes these; promptjobs.settings.Settings.crawl_config() builds one)."""

    home: Path  # PROMPTJOBS_HOME, handed to the Scrapy child (its logs go under it)
    landing_dir: Path
    httpcache_dir: Path
    jobs_dir: Path  # Scrapy JOBDIR state, so an interrupted crawl resumes
    user_agent: str
    boards_file: Path | None = None
    api_base: str | None = None
    replay: bool = False


def is_loopback(url: str | None) -> bool:
    return bool(url) and urlsplit(str(url)).hostname in LOOPBACK_HOSTS


def _api_base_for(
    source: str, api_base: str | dict[str, str] | None, config: CrawlConfig
) -> str | None:
    if isinstance(api_base, dict):
        return api_base.get(source) or config.api_base
    return api_base or config.api_base


def fetched_at_for(crawl_date: date, today: date | None = None) -> str | None:
    """A past crawl date (the demo's snapshots) gets a fixed fetch time on that day; a crawl of
    today stamps each posting when it is fetched (None)."""
    today = today or datetime.now(UTC).date()
    return f"{crawl_date.isoformat()}T06:00:00Z" if crawl_date != today else None


def _job(
    config: CrawlConfig,
    source: str,
    *,
    boards: dict[str, list[str]] | None,
    api_base: str | dict[str, str] | None,
    crawl_date: date,
    replay: bool,
    urls: list[str] | None,
    months: int | None,
    log_level: str,
    scrapy_settings: dict[str, Any] | None,
    spider_args: dict[str, Any] | None = None,
) -> dict[str, Any]:
    base = _api_base_for(source, api_base, config)
    # A "site" source (schema.org career pages) crawls start URLs, not an API's boards.
    site = get_source(source).kind == "site"
    kwargs: dict[str, Any] = {
        "crawl_date": crawl_date.isoformat(),
        "resume": "1",
    }
    if base and not site:
        kwargs["api_base"] = base
    if boards is not None and source in boards and not site:
        kwargs["boards"] = [str(b) for b in boards[source]]
    if config.boards_file:
        kwargs["boards_file"] = str(Path(config.boards_file).resolve())
    fetched = fetched_at_for(crawl_date)
    if fetched:
        kwargs["fetched_at"] = fetched
    if source == "hn" and months:
        kwargs["months"] = int(months)
    if site:
        start_urls = urls if urls is not None else (boards or {}).get(source)
        if start_urls is not None:
            kwargs["urls"] = list(start_urls)
    kwargs.update(spider_args or {})
    targets = [base] if not site else list(kwargs.get("urls", []))
    run_id = new_run_id()
    overrides: dict[str, Any] = {
        "PROMPTJOBS_HOME": str(config.home.resolve()),
        "PROMPTJOBS_CRAWL_DATE": crawl_date.isoformat(),
        "PROMPTJOBS_RUN_ID": run_id,
        "USER_AGENT": config.user_agent,
        "HTTPCACHE_DIR": str(config.httpcache_dir.resolve()),
        "LOG_LEVEL": log_level,
    }
    if targets and all(is_loopback(t) for t in targets):
        # Politeness protects other people's servers; a loopback mirror needs no delays,
        # nor the retry backoff (1 + 2 + 4 s per failing URL); a Retry-After is still obeyed.
        overrides.update(
            {
                "AUTOTHROTTLE_ENABLED": False,
                "DOWNLOAD_DELAY": 0,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
                "RETRY_BACKOFF_BASE": 0.05,
                "RETRY_BACKOFF_MAX": 1.0,
            }
        )
    if replay:
        overrides.update(
            {
                "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.DummyPolicy",
                "HTTPCACHE_IGNORE_MISSING": True,
            }
        )
    overrides.update(scrapy_settings or {})
    return {"source": source, "run_id": run_id, "kwargs": kwargs, "settings": overrides}


def _failed_stats(job: dict[str, Any], crawl_date: date, kind: str, started: datetime) -> dict:
    now = datetime.now(UTC)
    return {
        "run_id": job["run_id"],
        "source": job["source"],
        "crawl_date": crawl_date.isoformat(),
        "started_at": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "finished_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "duration_s": round((now - started).total_seconds(), 3),
        "status": "failed",
        "requests": 0,
        "responses": 0,
        "items": 0,
        "items_invalid": 0,
        "errors": {kind: 1},
        "boards_ok": [],
        "boards_not_found": [],
        "boards_failed": list(job["kwargs"].get("boards", [])),
    }


def crawl(
    config: CrawlConfig,
    sources: list[str],
    *,
    boards: dict[str, list[str]] | None = None,
    api_base: str | dict[str, str] | None = None,
    crawl_date: date | None = None,
    replay: bool = False,
    urls: list[str] | None = None,
    months: int | None = None,
    progress: bool = True,
    scrapy_settings: dict[str, Any] | None = None,
    spider_args: dict[str, dict[str, Any]] | None = None,
) -> list[dict]:
    """Blocking. Crawls the sources (all in ONE child process running one CrawlerProcess, so it
    can be called many times from one Python process), writes landing files + stats files per
    source (docs/architecture.md §1), returns the stats dicts (one per source, in order).
    A failing source never stops the others; never raises for a source failure. api_base as a
    dict gives one base per source. boards=None means every board of the registry.
    `scrapy_settings` overrides Scrapy settings for every source (tests: short timeouts);
    `spider_args` adds spider arguments per source (`probe`, `eu_boards`)."""
    unknown = [s for s in sources if s not in SOURCES]
    if unknown:
        raise ValueError(f"unknown source {unknown[0]!r}; choose from {', '.join(SOURCES)}")
    if not sources:
        return []
    crawl_date = crawl_date or datetime.now(UTC).date()
    replay = replay or config.replay
    config.home.mkdir(parents=True, exist_ok=True)
    jobs_dir = config.jobs_dir
    jobs_dir.mkdir(parents=True, exist_ok=True)
    log_level = "INFO" if progress else "WARNING"
    jobs = [
        _job(
            config,
            source,
            boards=boards,
            api_base=api_base,
            crawl_date=crawl_date,
            replay=replay,
            urls=urls,
            months=months,
            log_level=log_level,
            scrapy_settings=scrapy_settings,
            spider_args=(spider_args or {}).get(source),
        )
        for source in sources
    ]
    # The child stops cleanly by itself if this process dies (scrapers.child.watch_parent).
    spec = {"jobs": jobs, "parent_pid": os.getpid()}
    started = datetime.now(UTC)
    with tempfile.NamedTemporaryFile(
        "w", dir=jobs_dir, prefix="crawl-", suffix=".json", delete=False, encoding="utf-8"
    ) as fh:
        json.dump(spec, fh)
        spec_path = Path(fh.name)
    env = {**os.environ, "PROMPTJOBS_HOME": str(config.home.resolve())}
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    log_dir = config.home / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"crawl-{jobs[0]['run_id'] if jobs else 'empty'}.log"
    cmd = [sys.executable, "-m", "scrapers.child", str(spec_path)]
    try:
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                cmd, env=env, cwd=str(PROJECT_ROOT), stdout=log, stderr=None if progress else log
            )
            try:
                returncode = proc.wait()
            except KeyboardInterrupt:
                # The child got the same SIGINT and is closing its spiders cleanly.
                proc.wait()
                raise
    finally:
        spec_path.unlink(missing_ok=True)
    results = []
    for job in jobs:
        stats_path = partition_dir(config.landing_dir, job["source"], crawl_date) / (
            f"{job['run_id']}.stats.json"
        )
        try:
            results.append(json.loads(stats_path.read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError):
            kind = "child_crashed" if returncode else "no_stats"
            results.append(_failed_stats(job, crawl_date, kind, started))
    return results
