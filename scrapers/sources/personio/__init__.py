"""Personio job pages: the public XML feed `GET https://{board}.jobs.personio.de/xml`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="personio",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://developer.personio.de/docs/retrieving-open-job-positions",
)
