"""Workable accounts: `GET {api}/api/v1/widget/accounts/{account}?details=true`."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="workable",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=1.0),
    terms_url="https://help.workable.com/hc/en-us/articles/115012771647",
)
