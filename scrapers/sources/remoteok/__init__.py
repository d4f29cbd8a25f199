"""RemoteOK's public API: `GET {api}/api` (every posting; filtered by the tags of boards.toml)."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="remoteok",
    kind="feed",
    dedupe_priority=2,
    politeness=Politeness(delay_s=5.0, per_host_concurrency=1),
    terms_url="https://remoteok.com/api",
    attribution_url="https://remoteok.com",
    default_boards=("all",),
)
