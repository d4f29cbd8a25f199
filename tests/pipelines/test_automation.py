"""Declarative automation: new raw data landing (today, or a past day from a backfill)
makes everything downstream refresh once, and nothing runs while nothing changed."""

from __future__ import annotations

import dagster as dg

from pipelines.definitions import defs
from pipelines.keys import EXTRACTED_POSTINGS, REPORT, landing_key, table_key


def downstream_keys() -> set[dg.AssetKey]:
    graph = defs.resolve_asset_graph()
    return {
        key
        for key in graph.get_all_asset_keys()
        if graph.get(key).is_executable and graph.get(key).group_name != "scrapers"
    }


def land(instance: dg.DagsterInstance, source: str, day: str) -> None:
    """Record what a landing run records: a materialisation of that source and day."""
    instance.report_runless_asset_event(
        dg.AssetMaterialization(asset_key=landing_key(source), partition=day)
    )


def mark_materialized(instance: dg.DagsterInstance, keys: set[dg.AssetKey]) -> None:
    for key in keys:
        instance.report_runless_asset_event(dg.AssetMaterialization(asset_key=key))


def test_a_landed_partition_refreshes_every_downstream_asset_once() -> None:
    with dg.instance_for_test() as instance:
        # A warehouse that is up to date...
        mark_materialized(instance, downstream_keys())
        first = dg.evaluate_automation_conditions(defs=defs, instance=instance)
        assert first.total_requested == 0, "nothing landed: nothing to refresh"

        # ...then a backfill lands a past day of one source.
        land(instance, "greenhouse", "2026-09-07")
        second = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=first.cursor
        )
        requested = {key for key in downstream_keys() if second.get_num_requested(key)}
        assert {table_key("raw_postings"), table_key("crawl_runs")} <= requested
        # The rest follows in the same tick: eager conditions chain through the graph.
        assert EXTRACTED_POSTINGS in requested
        assert REPORT in requested
        assert not any(second.get_num_requested(landing_key(s)) for s in ("lever", "hn"))

        third = dg.evaluate_automation_conditions(
            defs=defs, instance=instance, cursor=second.cursor
        )
        assert third.total_requested == 0, "requested once, not on every tick"
