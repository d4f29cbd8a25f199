"""Remotive's remote-jobs API: `GET {api}/api/remote-jobs` (one call, every category)."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="remotive",
    kind="feed",
    dedupe_priority=2,
    # The terms ask for a few calls a day (the spider also keeps a daily call budget).
    politeness=Politeness(delay_s=5.0, per_host_concurrency=1),
    terms_url="https://github.com/remotive-com/remote-jobs-api",
    attribution_url="https://remotive.com",
    default_boards=("all",),
)
