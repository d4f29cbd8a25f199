"""Scrapy settings of the promptjobs project (`scrapy.cfg` points here).

Politeness is on by default: robots.txt, AutoThrottle, per-domain concurrency limits, a
descriptive User-Agent with a contact URL, retries with backoff that honour Retry-After, a
maximum body size and no cookies. `scrapers.run.crawl()` builds on these and turns the delays
off only for loopback mirrors (the demo boards, tests, benchmarks).
"""

from __future__ import annotations

from promptjobs.settings import load_settings
from scrapers.sources import spider_modules

_settings = load_settings()

BOT_NAME = "promptjobs"
# Scrapy's SpiderLoader finds the spiders: one `spider` module per source folder.
SPIDER_MODULES = spider_modules()

USER_AGENT = _settings.user_agent_string
ROBOTSTXT_OBEY = True
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

CONCURRENT_REQUESTS = 16
# Scrapy starts CONCURRENT_ITEMS worker tasks for every response's output (measured: 100
# tasks per board answer, a third of the crawl's CPU). Our pipelines are synchronous, so a
# few workers are as fast.
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

DOWNLOAD_TIMEOUT = 30
# The largest real board answer seen is ~4 MB (Stripe on Greenhouse with content).
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 30.0
RETRY_AFTER_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapers.middlewares.PoliteRetryMiddleware": 550,
    # Above RedirectMiddleware (600): sees a 3xx first and refuses another host (API spiders).
    "scrapers.middlewares.OffsiteRedirectMiddleware": 650,
}
ITEM_PIPELINES = {
    "scrapers.pipelines.ValidationPipeline": 100,
    "scrapers.pipelines.LandingPipeline": 900,
}

# HTTP cache: "record" stores every answer (fresh fetches always go to the network);
# "replay" serves only from the cache and drops what is missing (offline).
HTTPCACHE_ENABLED = True
HTTPCACHE_DIR = str(_settings.httpcache_dir.resolve())
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_POLICY = "scrapers.cache.RecordPolicy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]
HTTPCACHE_IGNORE_MISSING = False

# Where the landing pipeline writes (absolute, so the working directory does not matter).
PROMPTJOBS_HOME = str(_settings.home.resolve())
PROMPTJOBS_BOARDS_FILE = str(_settings.boards_file) if _settings.boards_file else ""
PROMPTJOBS_API_BASE = _settings.api_base or ""

LOG_LEVEL = "INFO"
# The run's figures go to its stats file (and one summary line per source), not a dump.
STATS_DUMP = False
FEED_EXPORT_ENCODING = "utf-8"

# `scrapy check` runs offline on each source's own wire-format fixtures
# (scrapers/sources/<name>/tests/fixtures/).
SPIDER_CONTRACTS = {"scrapers.contracts.FixtureContract": 10}
