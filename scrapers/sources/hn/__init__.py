"""Hacker News "Ask HN: Who is hiring?" threads through the Algolia HN API."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="hn",
    kind="feed",
    # Free text: the least structured source is never canonical when another has the job.
    dedupe_priority=3,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://hn.algolia.com/api",
)
