"""SmartRecruiters: `GET {api}/v1/companies/{company}/postings` (paged), then each posting."""

from scrapers.sources import Politeness, SourceInfo

SOURCE = SourceInfo(
    name="smartrecruiters",
    kind="ats",
    dedupe_priority=0,
    politeness=Politeness(delay_s=0.5),
    terms_url="https://developers.smartrecruiters.com/docs/posting-api",
)
