"""The landing calendar and the list of sources the per-source assets are built from."""

from __future__ import annotations

import dagster as dg

from scrapers.registry import SOURCES

# The sources of the landing contract (docs/architecture.md section 1), one asset each,
# from the scrapers' registry (a light module: importing it does not import Scrapy).
CONTRACT_SOURCES: tuple[str, ...] = SOURCES

# The first landing day Dagster offers; backfills can reach back to here.
FIRST_LANDING_DAY = "2025-01-01"

# end_offset=1: today is a partition too, because a crawl lands under its own (UTC) day.
landing_days = dg.DailyPartitionsDefinition(
    start_date=FIRST_LANDING_DAY, timezone="UTC", end_offset=1
)
