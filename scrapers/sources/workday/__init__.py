"""Workday CXS career sites: `POST https://{tenant}.{dc}.myworkdayjobs.com/wday/cxs/{tenant}/{site}/jobs` (paged), then each job."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="workday",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://{tenant}.{dc}.myworkdayjobs.com/robots.txt",
)
