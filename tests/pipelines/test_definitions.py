"""The code location: what `dagster dev` loads from the project root, and its shape."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import build_definitions, defs
from pipelines.keys import REPORT, landing_key, table_key
from pipelines.partitions import CONTRACT_SOURCES

REPO = Path(__file__).resolve().parents[2]


def asset_graph(definitions: dg.Definitions = defs):
    return definitions.resolve_asset_graph()


def test_lineage_reads_scrapers_transforms_warehouse_dashboards() -> None:
    graph = asset_graph()
    groups = {graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups == {"scrapers", "transforms", "warehouse", "dashboards"}
    for source in CONTRACT_SOURCES:
        assert graph.get(landing_key(source)).group_name == "scrapers"
    upstream_of_report = graph.get(REPORT).parent_keys
    assert upstream_of_report, "the report depends on the warehouse views"
    # Walk up from the report: every room is an ancestor.
    seen: set[dg.AssetKey] = set()
    frontier = [REPORT]
    while frontier:
        key = frontier.pop()
        for parent in graph.get(key).parent_keys:
            if parent not in seen:
                seen.add(parent)
                frontier.append(parent)
    assert {landing_key(s) for s in CONTRACT_SOURCES} <= seen
    assert dg.AssetKey(["transforms", "extracted_postings"]) in seen
    for table in ("raw_postings", "crawl_runs", "postings", "posting_skills", "skills"):
        assert table_key(table) in seen


def test_every_warehouse_table_of_the_migrations_is_an_asset() -> None:
    import re

    migrations = Path(__import__("warehouse").__file__).with_name("migrations")
    tables = set()
    for path in migrations.glob("*.sql"):
        tables |= set(re.findall(r"create table (\w+)", path.read_text()))
    keys = asset_graph().get_all_asset_keys()
    missing = {t for t in tables if table_key(t) not in keys}
    assert not missing, f"warehouse tables without an asset: {sorted(missing)}"


def test_every_asset_has_a_description() -> None:
    graph = asset_graph()
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, key


def test_landing_assets_match_the_scrapers_registry_and_are_daily() -> None:
    from scrapers.registry import SOURCES

    assert tuple(SOURCES) == CONTRACT_SOURCES
    by_key = {
        key: assets_def
        for assets_def in defs.assets or []
        if isinstance(assets_def, dg.AssetsDefinition)
        for key in assets_def.keys
    }
    for source in CONTRACT_SOURCES:
        landing = by_key[landing_key(source)]
        assert isinstance(landing.partitions_def, dg.DailyPartitionsDefinition)
        assert landing.op.retry_policy is not None and landing.op.retry_policy.max_retries >= 1


def test_every_asset_that_writes_the_warehouse_is_in_the_warehouse_pool() -> None:
    for assets_def in defs.assets or []:
        if not isinstance(assets_def, dg.AssetsDefinition) or not assets_def.is_executable:
            continue
        keys = {k.path[0] for k in assets_def.keys}
        pools = {assets_def.node_def.pool} if assets_def.node_def else set()
        if keys & {"warehouse", "transforms"} and "dashboards" not in keys:
            assert pools == {"warehouse"}, assets_def.keys


def test_at_least_six_asset_checks_cover_the_issue() -> None:
    names = {key.name for key in asset_graph().asset_check_keys}
    assert {
        "salary_min_not_above_max",
        "annual_usd_plausible",
        "unique_source_ids",
        "skill_ids_known",
        "row_count_not_collapsed",
    } <= names
    assert {f"{s}_crawled_recently" for s in CONTRACT_SOURCES} <= names


def test_daily_refresh_runs_at_six_utc_and_targets_that_day() -> None:
    schedule = defs.resolve_schedule_def("daily_refresh")
    assert schedule.cron_schedule == "0 6 * * *"
    assert schedule.execution_timezone == "UTC"
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=datetime(2026, 3, 14, 6, 0, tzinfo=UTC),
            repository_def=defs.get_repository_def(),
        )
        requests = schedule.evaluate_tick(context).run_requests or []
    assert [r.partition_key for r in requests] == ["2026-03-14"]


def test_schedule_cron_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROMPTJOBS_SCHEDULE_CRON", "30 4 * * 1-5")
    monkeypatch.setenv("PROMPTJOBS_SCHEDULE_TIMEZONE", "Europe/Berlin")
    schedule = build_definitions().resolve_schedule_def("daily_refresh")
    assert schedule.cron_schedule == "30 4 * * 1-5"
    assert schedule.execution_timezone == "Europe/Berlin"


def test_resources_read_the_promptjobs_variables_with_envvar(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path))
    monkeypatch.setenv("PROMPTJOBS_ENV", "demo")
    from pipelines.resources import build_resources

    config = build_resources()["promptjobs_config"]
    assert isinstance(config.home, dg.EnvVar) and config.home.env_var_name == "PROMPTJOBS_HOME"
    assert isinstance(config.env, dg.EnvVar) and config.env.env_var_name == "PROMPTJOBS_ENV"


def test_instance_config_limits_warehouse_writers_to_one(tmp_path: Path) -> None:
    shutil.copy(REPO / "pipelines" / "dagster.yaml", tmp_path / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(tmp_path))
    config = instance.get_concurrency_config()
    assert config.pool_config.default_pool_limit == 1
    limits = config.run_queue_config.tag_concurrency_limits
    assert {"key": "promptjobs/warehouse", "value": "writer", "limit": 1} in limits


def test_dagster_cli_validates_the_definitions(project_home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-m", "pipelines.definitions"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Validation successful" in result.stdout + result.stderr


def test_one_step_writes_the_whole_warehouse() -> None:
    """Every warehouse table and view and the extraction come from one node (one writer,
    one copy of the database file per run), tagged so no other writer runs beside it."""
    from pipelines.assets.warehouse import WRITER_OP_TAGS

    writers = [
        a
        for a in defs.assets or []
        if isinstance(a, dg.AssetsDefinition)
        and any(k.path[0] in {"warehouse", "transforms"} for k in a.keys)
    ]
    assert [a.node_def.name for a in writers] == ["refresh_warehouse"]
    (refresh,) = writers
    assert not refresh.can_subset, "a subset would run the refresh steps in another order"
    assert refresh.node_def.pool == "warehouse"
    assert dict(refresh.node_def.tags).items() >= WRITER_OP_TAGS.items()
    graph = asset_graph()
    produced = {k for k in graph.get_all_asset_keys() if graph.get(k).is_executable}
    in_rooms = {k for k in produced if k.path[0] in {"warehouse", "transforms"}}
    assert in_rooms == set(refresh.keys)
    from pipelines.definitions import EXECUTOR_CONFIG

    assert defs.executor is not None and defs.executor.name == "multiprocess_one_writer"
    assert {"key": "promptjobs/writer", "value": "warehouse", "limit": 1} in (
        EXECUTOR_CONFIG["tag_concurrency_limits"]
    )


def test_the_dagster_settings_resource_has_one_field_per_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from pipelines.resources import PromptjobsConfig, build_resources
    from promptjobs.settings import Settings

    assert set(PromptjobsConfig.model_fields) == set(Settings.model_fields)
    monkeypatch.setenv("PROMPTJOBS_WORKERS", "3")
    monkeypatch.setenv("PROMPTJOBS_HOME", str(tmp_path))
    config = build_resources()["promptjobs_config"]
    assert config.workers.env_var_name == "PROMPTJOBS_WORKERS"

    @dg.asset(required_resource_keys={"promptjobs_config"})
    def settings_seen(context) -> dg.MaterializeResult:  # noqa: ANN001 - Dagster's context
        settings = context.resources.promptjobs_config.settings()
        return dg.MaterializeResult(metadata={"workers": settings.workers})

    result = dg.materialize([settings_seen], resources={"promptjobs_config": config})
    event = result.get_asset_materialization_events()[0]
    assert event.materialization.metadata["workers"].value == 3


def test_the_ui_shows_whether_the_crawls_and_the_report_are_fresh() -> None:
    graph = asset_graph()
    crawl_runs = graph.get(table_key("crawl_runs")).freshness_policy
    report = graph.get(REPORT).freshness_policy
    assert crawl_runs.warn_window.to_timedelta() == timedelta(hours=36)
    assert report.fail_window.to_timedelta() == timedelta(hours=48)
