"""Recruitee careers sites: `GET https://{board}.recruitee.com/api/offers/`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="recruitee",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://docs.recruitee.com/reference/intro-to-careers-site-api",
)
