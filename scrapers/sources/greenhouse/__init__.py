"""Greenhouse job boards: `GET {api}/v1/boards/{board}/jobs?content=true&pay_transparency=true`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="greenhouse",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://developers.greenhouse.io/job-board.html",
)
