"""Career pages and sitemaps with schema.org JobPosting markup (JSON-LD or microdata)."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="jsonld",
    kind="site",
    dedupe_priority=1,
    politeness=Politeness(delay_s=1.0),
    terms_url="https://schema.org/JobPosting",
)
