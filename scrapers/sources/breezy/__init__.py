"""Breezy HR career sites: `GET https://{board}.breezy.hr/json`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="breezy",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://developer.breezy.hr/docs",
)
