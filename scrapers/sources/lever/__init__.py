"""Lever postings: `GET {api}/v0/postings/{site}?mode=json` (EU sites on api.eu.lever.co)."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="lever",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://github.com/lever/postings-api",
)
