"""The landing calendar and the list of sources the per-source assets are built from."""

from __future__ import annotations

import dagster as dg

# The sources of the landing contract (docs/architecture.md section 1), one asset each.
# A fixed list so the asset graph never depends on whether scrapers/ imports;
# tests/pipelines assert it equals scrapers.registry.SOURCES.
CONTRACT_SOURCES: tuple[str, ...] = (
    "greenhouse",
    "lever",
    "ashby",
    "workable",
    "smartrecruiters",
    "hn",
    "remotive",
    "remoteok",
    "jsonld",
)

# The first landing day Dagster offers; backfills can reach back to here.
FIRST_LANDING_DAY = "2025-01-01"

# end_offset=1: today is a partition too, because a crawl lands under its own (UTC) day.
landing_days = dg.DailyPartitionsDefinition(
    start_date=FIRST_LANDING_DAY, timezone="UTC", end_offset=1
)
