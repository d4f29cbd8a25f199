"""BambooHR careers pages: `GET https://{board}.bamboohr.com/careers/list`, then each opening."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="bamboohr",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://documentation.bamboohr.com/docs",
)
