"""Asset keys, by room: landing/<source>, transforms/<name>, warehouse/<table>, dashboards/<name>."""

from __future__ import annotations

import dagster as dg


def landing_key(source: str) -> dg.AssetKey:
    return dg.AssetKey(["landing", source])


def table_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["warehouse", table])


def view_key(view: str) -> dg.AssetKey:
    return dg.AssetKey(["warehouse", "views", view])


EXTRACTED_POSTINGS = dg.AssetKey(["transforms", "extracted_postings"])
SKILL_TAXONOMY = dg.AssetKey(["transforms", "skill_taxonomy"])
REPORT = dg.AssetKey(["dashboards", "report"])
# Monthly partitions: kept out of the daily jobs (pipelines/automation.py).
ARCHIVE_BACKFILL = dg.AssetKey(["landing", "archive_backfill"])
