"""Ashby job boards: `GET {api}/posting-api/job-board/{board}?includeCompensation=true`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="ashby",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://developers.ashbyhq.com/docs/public-job-posting-api",
)
